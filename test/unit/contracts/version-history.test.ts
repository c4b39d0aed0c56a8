// A contract's history: each review keeps the contract before and after, says in sentences what
// changed, and any two versions can be compared field by field and cell by cell.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { databasePerTest } from '../db/test-database';
import { alignRoles, compareContracts, describeChanges } from '../../../shared/contract-diff';
import { contractReviewSchema } from '../../../shared/model';
import { commitment, contract, decision } from './contract-fixtures';

const openDatabase = databasePerTest();

const DAY = 24 * 60 * 60_000;

describe('comparing two versions', () => {
  it('finds nothing between a contract and itself', () => {
    const version = contract({
      commitments: [commitment('Demo')],
      raci: { roles: ['Lead'], decisions: [decision('Budget', 'A')] },
    });
    expect(describeChanges(version, structuredClone(version))).toEqual([]);
    const diff = compareContracts(version, version);
    expect(diff.fields).toEqual([]);
    expect(Object.values(diff.commitments).map((change) => change.change)).toEqual(['same']);
  });

  it('says what changed in fields, commitments, roles and cells', () => {
    const demo = commitment('Weekly demo');
    const retro = commitment('Retro notes');
    const budget = decision('Budget', 'AR.');
    const hiring = decision('Hiring', 'RA.');
    const before = contract({
      commitments: [demo, retro],
      raci: { roles: ['Lead', 'PM', 'QA'], decisions: [budget, hiring] },
    });
    const added = commitment('Release checklist');
    const after = contract({
      ...before,
      title: 'Ops handoffs v2',
      commitments: [added, { ...demo, status: 'at-risk', owner: 'Sam' }],
      raci: {
        roles: ['Lead', 'Product', 'QA', 'Sponsor'],
        decisions: [{ ...budget, cells: ['A', 'R', '', 'I'] }, decision('Pricing', 'AR..')],
      },
    });
    const pricing = after.raci.decisions[1];

    expect(describeChanges(before, after)).toEqual([
      'Title: “Ops handoffs” → “Ops handoffs v2”',
      'Commitment “Weekly demo” owner: “Ines” → “Sam”',
      'Commitment “Weekly demo” status: On track → At risk',
      'Commitment “Retro notes” removed',
      'Commitment “Release checklist” added',
      'Role “PM” renamed to “Product”',
      'Role “Sponsor” added',
      'Decision “Budget”: Sponsor – → I',
      'Decision “Hiring” removed',
      'Decision “Pricing” added',
    ]);

    const diff = compareContracts(before, after);
    expect(diff.fields).toEqual(['title']);
    expect(diff.commitments[demo.id]).toEqual({ change: 'changed', fields: ['owner', 'status'] });
    expect(diff.commitments[retro.id].change).toBe('removed');
    expect(diff.commitments[added.id].change).toBe('added');
    expect(diff.decisions[budget.id].cells).toEqual([
      { before: null, after: 3, renamed: false, role: 'Sponsor', from: '', to: 'I' },
    ]);
    expect(diff.decisions[pricing.id].change).toBe('added');
  });

  it('reports a reorder once, without calling the moved items changed', () => {
    const [a, b] = [commitment('A'), commitment('B')];
    const before = contract({ commitments: [a, b] });
    const after = contract({ ...before, commitments: [b, a] });
    expect(describeChanges(before, after)).toEqual(['Commitments reordered']);
    expect(compareContracts(before, after).commitments[a.id].change).toBe('same');
  });

  it('lines role columns up by name, so a removed column does not shift every cell', () => {
    expect(alignRoles(['Lead', 'PM', 'QA'], ['Lead', 'QA'])).toEqual([
      { before: 0, after: 0, renamed: false },
      { before: 2, after: 1, renamed: false },
      { before: 1, after: null, renamed: false },
    ]);
    const release = decision('Release', 'ARC');
    const before = contract({ raci: { roles: ['Lead', 'PM', 'QA'], decisions: [release] } });
    const after = contract({
      ...before,
      raci: { roles: ['Lead', 'QA'], decisions: [{ ...release, cells: ['A', 'C'] }] },
    });
    expect(describeChanges(before, after)).toEqual(['Role “PM” removed', 'Decision “Release”: PM R → –']);
  });

  it('accounts for every role of both versions exactly once (property)', () => {
    const names = fc.array(fc.constantFrom('Lead', 'PM', 'QA', 'Sponsor', ''), { maxLength: 6 });
    fc.assert(
      fc.property(names, names, (before, after) => {
        const pairs = alignRoles(before, after);
        const beforeIndexes = pairs.flatMap((pair) => (pair.before === null ? [] : [pair.before])).sort();
        const afterIndexes = pairs.flatMap((pair) => (pair.after === null ? [] : [pair.after])).sort();
        expect(beforeIndexes).toEqual(before.map((_, index) => index).sort());
        expect(afterIndexes).toEqual(after.map((_, index) => index).sort());
        for (const pair of pairs) {
          if (pair.before !== null && pair.after !== null && !pair.renamed) {
            expect(before[pair.before].trim()).toBe(after[pair.after].trim());
          }
        }
      }),
    );
  });
});

describe('reviews', () => {
  async function reviewedContract() {
    const opened = openDatabase();
    const { repos, clock } = opened;
    const leader = await repos.participants.create({ name: 'Amara Okafor' });
    // The clock reads 2 Nov 2026; the contract started seven weeks earlier, so its review is overdue.
    let contract = await repos.contracts.create({ participantId: leader.id, title: 'Ops', startDate: '2026-09-14' });
    contract = await repos.contracts.update(contract.id, { status: 'active' });
    const ids: string[] = [];
    for (const text of ['Weekly demo', 'Retro notes', 'Release checklist']) {
      const added = await repos.contracts.addCommitment(contract.id);
      await repos.contracts.updateCommitment(contract.id, added.id, {
        text,
        owner: 'Ines',
        acceptanceCriteria: 'Done',
      });
      ids.push(added.id);
    }
    return { ...opened, contracts: repos.contracts, contract: (await repos.contracts.get(contract.id))!, ids, clock };
  }

  it('keeps the contract before and after, the notes and the changes, and moves the next review', async () => {
    const { contracts, contract, ids, clock } = await reviewedContract();
    expect(contract.nextReviewDate).toBe('2026-10-26');

    const review = await contracts.startReview(contract.id);
    expect((await contracts.get(contract.id))!.status).toBe('under-review');
    expect(await contracts.startReview(contract.id)).toEqual(review);
    clock.advance(30 * 60_000);
    await contracts.setCommitmentStatus(contract.id, ids[0], 'at-risk');
    await contracts.setCommitmentStatus(contract.id, ids[2], 'met');
    await contracts.updateReviewNotes(review.id, 'Demo slipped: the staging environment was down.');
    const completed = await contracts.completeReview(review.id);

    expect(contractReviewSchema.parse(completed)).toEqual(completed);
    expect(completed.snapshot).toEqual(contract);
    expect(completed.notes).toBe('Demo slipped: the staging environment was down.');
    expect(completed.completedAt).toBe(clock());
    expect(completed.changes).toEqual([
      'Next review: 26 Oct 2026 → 14 Dec 2026',
      'Commitment “Weekly demo” status: On track → At risk',
      'Commitment “Release checklist” status: On track → Met',
    ]);
    const after = (await contracts.get(contract.id))!;
    expect(completed.outcome).toEqual(after);
    expect(after.status).toBe('active');
    expect(after.nextReviewDate).toBe('2026-12-14');
    expect(after.commitments.map((commitment) => commitment.status)).toEqual(['at-risk', 'on-track', 'met']);
    await expect(contracts.updateReviewNotes(review.id, 'late')).rejects.toThrow(/no longer open/);
  });

  it('keeps every version in order, so the first can be compared with the current one', async () => {
    const { contracts, contract, ids, clock } = await reviewedContract();
    const first = await contracts.startReview(contract.id);
    await contracts.setCommitmentStatus(contract.id, ids[1], 'missed');
    await contracts.completeReview(first.id);
    clock.advance(DAY * 42);
    const second = await contracts.startReview(contract.id);
    await contracts.updateCommitment(contract.id, ids[1], { text: 'Retro notes within a day' });
    await contracts.completeReview(second.id);
    clock.advance(DAY);
    await contracts.update(contract.id, { title: 'Ops handoffs' });

    const history = await contracts.listReviews(contract.id);
    expect(history.map((review) => review.id)).toEqual([second.id, first.id]);
    expect(history[0].snapshot).toEqual(history[1].outcome);
    const current = (await contracts.get(contract.id))!;
    expect(describeChanges(history[1].snapshot, current)).toEqual([
      'Title: “Ops” → “Ops handoffs”',
      'Next review: 26 Oct 2026 → 25 Jan 2027',
      'Commitment “Retro notes within a day” text: “Retro notes” → “Retro notes within a day”',
      'Commitment “Retro notes within a day” status: On track → Missed',
    ]);
  });

  it('cancels an open review without losing the edits made meanwhile', async () => {
    const { contracts, contract, ids } = await reviewedContract();
    const review = await contracts.startReview(contract.id);
    await contracts.setCommitmentStatus(contract.id, ids[0], 'at-risk');
    await contracts.cancelReview(review.id);
    const after = (await contracts.get(contract.id))!;
    expect(after.status).toBe('active');
    expect(after.commitments[0].status).toBe('at-risk');
    expect(after.nextReviewDate).toBe(contract.nextReviewDate);
    expect(await contracts.listReviews(contract.id)).toEqual([]);
  });

  it('keeps a status the coach chose during the review, such as retiring the contract', async () => {
    const { contracts, contract } = await reviewedContract();
    const review = await contracts.startReview(contract.id);
    await contracts.update(contract.id, { status: 'retired' });
    await contracts.completeReview(review.id);
    expect((await contracts.get(contract.id))!.status).toBe('retired');
  });
});
