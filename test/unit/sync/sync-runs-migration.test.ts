// Version 4 adds the sync run history; a database filled at version 2 keeps its outbox and opens.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { FollowthroughDatabase, schemaV2 } from '../../../renderer/db/database';

describe('schema version 4', () => {
  it('adds an empty syncRuns table and keeps queued outbox entries', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(schemaV2);
    await old.open();
    const recordId = crypto.randomUUID();
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
    old.close();

    const db = new FollowthroughDatabase(name);
    await db.open();
    expect(await db.syncRuns.count()).toBe(0);
    expect(await db.outbox.where('recordId').equals(recordId).first()).toMatchObject({ attempts: 2, state: 'pending' });
    await db.syncRuns.add({
      trigger: 'manual', connector: 'Webhook', startedAt: 1, finishedAt: 2, outcome: 'sent', message: 'Sent 1 action',
      sentActions: 1, sentCommitments: 0, parked: 0, held: 0, sentItems: [], exchanges: [],
    }); // prettier-ignore
    expect((await db.syncRuns.orderBy('startedAt').first())?.message).toBe('Sent 1 action');
    await db.delete();
  });
});
