// Version 7 adds actionNotes (the hub's comments and conflict notes beside an action).
import { describe, expect, it } from 'vitest';
import { indexNames, openAt } from './open-at';

describe('schema version 7', () => {
  it('keeps every action and adds an empty actionNotes table indexed by action', async () => {
    const actionId = crypto.randomUUID();
    const db = await openAt(7, (old) =>
      old.table('actions').add({ id: actionId, participantId: crypto.randomUUID(), text: 'Kept through the upgrade' }),
    );

    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect((await db.actions.get(actionId))?.text).toBe('Kept through the upgrade');
    expect(await db.actionNotes.count()).toBe(0);
    expect(indexNames(db.actionNotes)).toEqual(['actionId']);
    await db.actionNotes.put({ id: 'note-1', actionId, at: 1, kind: 'comment', author: 'Pat Lee', text: 'Well done' });
    expect(await db.actionNotes.where('actionId').equals(actionId).count()).toBe(1);
  });
});
