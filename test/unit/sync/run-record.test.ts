// The record of a run as it goes: counts, exchanges, and whose each record sent is, so the history
// leaves out anyone erased while the run went on.
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchItem } from '../../../renderer/sync/batch';
import { createRunRecord } from '../../../renderer/sync/run-record';
import { openTestDatabase } from '../db/test-database';

const { db, clock, repos } = openTestDatabase();
afterEach(async () => {
  await db.syncRuns.clear();
});

const item = (
  recordId: string,
  participantId: string,
  name: string | null,
  recordType: 'action' | 'commitment' = 'action',
) =>
  ({
    recordId,
    participantId,
    recordType,
    title: `Title of ${recordId}`,
    event: { participant: { displayName: name } },
  }) as BatchItem;

const start = () =>
  createRunRecord({ trigger: 'manual', connector: 'Webhook to example.com', startedAt: clock() }, clock);

describe('the record of a sync run', () => {
  it('counts what was sent, by kind, and what was set aside, parked or held', () => {
    const record = start();
    record.noteSent([item('a1', 'p1', 'Ana'), item('a2', 'p1', 'Ana'), item('c1', 'p1', 'Ana', 'commitment')]);
    record.noteSetAside(2, 'parked');
    record.noteSetAside(1, 'held');
    expect(record.sent()).toBe(3);
    expect(record.run).toMatchObject({ sentActions: 2, sentCommitments: 1, parked: 2, held: 1 });
    expect(record.run.sentItems.map((sent) => sent.recordId)).toEqual(['a1', 'a2', 'c1']);
  });

  it('keeps each exchange with the first 1,000 characters of what came back', () => {
    const record = start();
    record.noteExchange({ kind: 'acknowledged', status: 200, detail: 'ok' }, 3);
    record.noteExchange({ kind: 'rejected', status: 422, reason: 'x'.repeat(5_000), scope: 'content' }, 1);
    expect(record.run.exchanges).toEqual([
      { at: clock(), events: 3, status: 200, result: 'acknowledged', detail: 'ok' },
      { at: clock(), events: 1, status: 422, result: 'rejected', detail: 'x'.repeat(1_000) },
    ]);
  });

  it('leaves out of the history the records, ids and name of a participant erased meanwhile', async () => {
    const kept = await repos.participants.create({ name: 'Kept Person' });
    const record = start();
    const items = [item('a1', kept.id, 'Kept Person'), item('a2', 'gone-id', 'Gone Person')];
    record.noteOwners(items);
    record.noteSent(items);
    record.noteExchange({ kind: 'rejected', status: 422, reason: 'a2 of Gone Person refused', scope: 'content' }, 1);
    const run = await record.withoutErasedParticipants(db);
    expect(run.sentItems.map((sent) => sent.recordId)).toEqual(['a1']);
    expect(JSON.stringify(run)).not.toContain('Gone Person');
    expect(JSON.stringify(run)).not.toContain('gone-id');
  });

  it('is kept as it is when nobody it names was erased', async () => {
    const kept = await repos.participants.create({ name: 'Still Here' });
    const record = start();
    record.noteOwners([item('a1', kept.id, 'Still Here')]);
    expect(await record.withoutErasedParticipants(db)).toBe(record.run);
  });
});
