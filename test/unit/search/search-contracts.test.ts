// Contracts and their reviews hold words a coach looks for ("blameless" from a commitment, a
// RACI decision, a review's notes): search finds them and follows their edits, like sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import { SearchIndex } from '../../../renderer/search/search-index';
import type { FollowthroughDatabase } from '../../../renderer/db/database';

let db: FollowthroughDatabase | undefined;
let index: SearchIndex | undefined;
afterEach(async () => {
  index?.close();
  await db?.delete();
});

async function setup() {
  const opened = openTestDatabase();
  db = opened.db;
  index = new SearchIndex(opened.db);
  const leader = await opened.repos.participants.create({ name: 'Amara Okafor' });
  const contract = await opened.repos.contracts.create({ participantId: leader.id, startDate: '2026-11-02' });
  return { ...opened, contract, index, contracts: opened.repos.contracts };
}

const found = async (index: SearchIndex, query: string) =>
  (await index.search(query)).map((hit) => [hit.kind, hit.recordId]);

describe('search over contracts', () => {
  it("finds a contract by a commitment's words, its acceptance criteria, its title and a RACI decision", async () => {
    const { contract, contracts, index } = await setup();
    await contracts.update(contract.id, { title: 'Platform team agreements' });
    const commitment = await contracts.addCommitment(contract.id);
    await contracts.updateCommitment(contract.id, commitment.id, {
      text: 'Run a blameless review after every incident',
      acceptanceCriteria: 'Written up within five working days',
    });
    await contracts.addDecision(contract.id, 'Hiring above budget');
    expect(await found(index, 'blameless')).toEqual([['contract', contract.id]]);
    expect(await found(index, 'working days')).toEqual([['contract', contract.id]]);
    expect(await found(index, 'agreements')).toEqual([['contract', contract.id]]);
    expect(await found(index, 'hiring')).toEqual([['contract', contract.id]]);
  });

  it('follows a commitment edited after the index was built, and forgets an erased contract', async () => {
    const { contract, contracts, db, clock, index } = await setup();
    const commitment = await contracts.addCommitment(contract.id);
    await contracts.updateCommitment(contract.id, commitment.id, { text: 'Blameless reviews' });
    expect(await found(index, 'blameless')).toHaveLength(1);
    clock.advance(1_000);
    await contracts.updateCommitment(contract.id, commitment.id, { text: 'Written retrospectives' });
    expect(await found(index, 'blameless')).toEqual([]);
    expect(await found(index, 'retrospectives')).toEqual([['contract', contract.id]]);
    clock.advance(1_000);
    await db.contracts.delete(contract.id);
    expect(await found(index, 'retrospectives')).toEqual([]);
  });

  it('finds a review by its notes', async () => {
    const { contract, contracts, index } = await setup();
    const review = await contracts.startReview(contract.id);
    await contracts.updateReviewNotes(review.id, 'The team asked for a quieter escalation channel');
    expect(await found(index, 'quieter')).toEqual([['review', review.id]]);
  });
});
