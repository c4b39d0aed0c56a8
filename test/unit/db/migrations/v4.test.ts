// Version 4 adds the history of sync runs; the outbox queued before it is kept.
import { describe, expect, it } from 'vitest';
import { openAt } from './open-at';

describe('schema version 4', () => {
  it('adds an empty syncRuns table and keeps queued outbox entries', async () => {
    const recordId = crypto.randomUUID();
    const db = await openAt(4, async (old) => {
      await old.table('outbox').add({
        recordType: 'action',
        recordId,
        idempotencyKey: `action:${recordId}:5`,
        payloadVersion: 1,
        payload: { id: recordId, text: 'Book the review', updatedAt: 5 },
        attempts: 2,
        nextAttemptAt: 10,
        lastError: 'The receiver answered 503',
        state: 'pending',
        createdAt: 5,
        updatedAt: 6,
      });
    });

    expect(await db.syncRuns.count()).toBe(0);
    expect(await db.outbox.where('recordId').equals(recordId).first()).toMatchObject({ attempts: 2, state: 'pending' });
    await db.syncRuns.add({
      trigger: 'manual', connector: 'Webhook', startedAt: 1, finishedAt: 2, outcome: 'sent', message: 'Sent 1 action',
      sentActions: 1, sentCommitments: 0, parked: 0, held: 0, sentItems: [], exchanges: [],
    }); // prettier-ignore
    expect((await db.syncRuns.orderBy('startedAt').first())?.message).toBe('Sent 1 action');
  });
});
