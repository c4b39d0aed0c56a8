// After erasing a participant, nothing the app holds mentions them: no record in any table, no
// outbox entry, no sync history line, no search index entry. Everyone else's data stays whole.
import { afterEach, describe, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from '../sync/harness';
import { SearchIndex } from '../../../renderer/search/search-index';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { discardEntry } from '../../../renderer/sync/outbox-queue';
import { changeConsent } from '../../../renderer/privacy/consent';
import type { FollowthroughDatabase } from '../../../renderer/db/database';

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Every table as text, to look for any trace of the erased participant. */
async function everything(db: FollowthroughDatabase): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()]));
  return JSON.stringify(tables);
}

describe('erasing a participant', () => {
  it('leaves no record, outbox entry, sync history line or index entry that mentions them', async () => {
    const h = (harness = await syncHarness());
    const { db, repos, clock, participant } = h;
    const other = await repos.participants.create({ name: 'Bea Lindqvist', notes: 'Prefers Fridays' });

    // Amara: notes, a session, actions (some sent upstream, some still queued), a contract with a
    // reviewed commitment, consent changes and a note from the hub on one action.
    await repos.participants.update(participant.id, { notes: 'Zyxwv reorganisation worries' });
    const session = await repos.sessions.create({
      participantId: participant.id,
      date: '2026-11-02',
      startTime: '09:00',
      goal: 'Qwertz escalation habit',
    });
    const sent = await repos.actions.addMany([
      { participantId: participant.id, sessionId: session.id, text: 'Publish the Plover RACI', owner: 'Amara Okafor' },
    ]);
    const contract = await repos.contracts.create({ participantId: participant.id, title: 'Ops Marmot contract' });
    await repos.contracts.addCommitment(contract.id);
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    clock.advance(1_000);
    const queued = await h.addActions(3);
    // One of them was refused, then discarded by the coach: History names it.
    const refused = (await db.outbox.filter((entry) => entry.recordId === queued[0].id).first())!;
    await db.outbox.update(refused.seq!, { state: 'parked', lastError: 'Refused: Amara Okafor owns nothing here' });
    await discardEntry(db, refused.seq!, clock());
    await changeConsent(db, participant.id, { shareActions: 'pseudonymous' }, clock);
    await db.actionNotes.add({
      id: 'hub-1',
      actionId: sent[0].id,
      at: clock(),
      kind: 'comment',
      author: 'PM',
      text: 'Good progress',
    });
    await repos.contracts.startReview(contract.id);

    // Bea: her own session and action.
    const beaSession = await repos.sessions.create({
      participantId: other.id,
      date: '2026-11-03',
      startTime: '10:00',
      goal: 'Delegation',
    });
    await repos.actions.addMany([{ participantId: other.id, sessionId: beaSession.id, text: 'Delegate the rota' }]);

    const index = new SearchIndex(db);
    for (const word of ['okafor', 'qwertz', 'plover']) expect(await index.search(word)).not.toEqual([]);
    const beforeBea = (await everything(db)).includes('Delegate the rota');

    const traces = [
      participant.id,
      participant.name,
      'Okafor',
      session.id,
      contract.id,
      ...sent.map((action) => action.id),
      ...queued.map((action) => action.id),
      'Zyxwv',
      'Qwertz',
      'Plover',
      'Marmot',
    ];
    const report = await eraseParticipant(db, participant.id, clock());
    expect(report).toMatchObject({
      participantName: 'Amara Okafor',
      removed: {
        sessions: 1,
        actions: 4,
        actionNotes: 1,
        contracts: 1,
        contractReviews: 1,
        consentChanges: 1,
      },
      deliveredUpstream: 2,
    });
    expect(report!.removed.outboxEntries).toBeGreaterThanOrEqual(2);
    expect(report!.removed.syncHistoryLines).toBeGreaterThanOrEqual(2);

    const left = await everything(db);
    for (const trace of traces) expect(left, `"${trace}" is still stored`).not.toContain(trace);
    for (const word of ['okafor', 'amara', 'qwertz', 'zyxwv', 'plover', 'marmot']) {
      expect(await index.search(word), `the index still finds "${word}"`).toEqual([]);
    }

    // Bea is untouched, and still found.
    expect(beforeBea).toBe(true);
    expect(left).toContain('Delegate the rota');
    expect(await index.search('delegat')).toHaveLength(2);
    expect(await index.search('lindqvist')).toHaveLength(1);
    index.close();
  });

  it('answers null for a participant who is not there', async () => {
    const h = (harness = await syncHarness());
    expect(await eraseParticipant(h.db, crypto.randomUUID(), h.clock())).toBeNull();
  });
});
