// Schema version 7 adds actionNotes (the hub's comments and conflict notes); a database filled at
// version 6 opens with every action kept and an empty, indexed notes table.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { FollowthroughDatabase } from '../../../renderer/db/database';

describe('schema version 6 → 7', () => {
  it('keeps every action and adds an empty actionNotes table indexed by action', async () => {
    // The version 6 schema, as FollowthroughDatabase declared it before version 7.
    const oldName = `migration-v6-${crypto.randomUUID()}`;
    const old = new Dexie(oldName);
    old.version(6).stores({
      participants: 'id, name, status, updatedAt',
      sessions: 'id, participantId, date, status, updatedAt, [participantId+date]',
      actions: 'id, participantId, sessionId, status, dueDate, updatedAt',
      contracts: 'id, participantId, status, nextReviewDate',
      contractReviews: 'id, contractId, at',
      outbox: '++seq, recordId, state, nextAttemptAt',
      settings: 'key',
      templates: 'id, kind, name',
      syncRuns: '++id, startedAt',
      consentLog: '++id, participantId, at',
    });
    await old.open();
    const actionId = crypto.randomUUID();
    await old
      .table('actions')
      .add({ id: actionId, participantId: crypto.randomUUID(), text: 'Kept through the upgrade' });
    old.close();

    const db = new FollowthroughDatabase(oldName);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect((await db.actions.get(actionId))?.text).toBe('Kept through the upgrade');
    expect(await db.actionNotes.count()).toBe(0);
    expect(db.actionNotes.schema.indexes.map((index) => index.name)).toEqual(['actionId']);
    await db.actionNotes.put({ id: 'note-1', actionId, at: 1, kind: 'comment', author: 'Pat Lee', text: 'Well done' });
    expect(await db.actionNotes.where('actionId').equals(actionId).count()).toBe(1);
    await db.delete();
  });
});
