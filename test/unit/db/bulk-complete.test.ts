// "Mark N done" on the Actions page calls setStatusMany with the ids the coach ticked. The list
// can change under the selection (an action deleted from its session, or by another window).
import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';

const openDatabase = databasePerTest();

describe('bulk complete', () => {
  it('leaves an action in the trash alone and does not count it as marked done', async () => {
    const opened = openDatabase();
    const { db, repos, clock } = opened;
    const participant = await repos.participants.create({ name: 'Amara' });
    const [live, trashed] = await repos.actions.addMany([
      { participantId: participant.id, text: 'Publish the RACI' },
      { participantId: participant.id, text: 'Book the review' },
    ]);
    await repos.trash.deleteAction(trashed.id);
    const queuedBefore = await db.outbox.where('recordId').equals(trashed.id).count();
    clock.advance(60_000);

    const moved = await repos.actions.setStatusMany([live.id, trashed.id], 'done');

    expect(moved).toBe(1);
    expect((await repos.actions.get(live.id))?.status).toBe('done');
    const after = await repos.actions.get(trashed.id);
    expect(after?.status).toBe('open');
    expect(after?.history).toHaveLength(1);
    // Nothing new about the deleted action goes upstream either.
    expect(await db.outbox.where('recordId').equals(trashed.id).count()).toBe(queuedBefore);
  });
});
