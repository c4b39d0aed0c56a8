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

    const { moved } = await repos.actions.setStatusMany([live.id, trashed.id], 'done');

    expect(moved).toBe(1);
    expect((await repos.actions.get(live.id))?.status).toBe('done');
    const after = await repos.actions.get(trashed.id);
    expect(after?.status).toBe('open');
    expect(after?.history).toHaveLength(1);
    // Nothing new about the deleted action goes upstream either.
    expect(await db.outbox.where('recordId').equals(trashed.id).count()).toBe(queuedBefore);
  });
});

describe('bulk complete with an action that cannot become done', () => {
  it('names the refused action and why, instead of dropping it without a word', async () => {
    const { repos } = openDatabase();
    const participant = await repos.participants.create({ name: 'Amara' });
    const [open, dropped] = await repos.actions.addMany([
      { participantId: participant.id, text: 'Publish the RACI' },
      { participantId: participant.id, text: 'Book the review' },
    ]);
    await repos.actions.setStatus(dropped.id, 'dropped');

    const result = await repos.actions.setStatusMany([open.id, dropped.id], 'done');

    expect(result.moved).toBe(1);
    expect(result.refused).toEqual([{ id: dropped.id, reason: 'An action that is dropped cannot become done' }]);
    expect((await repos.actions.get(dropped.id))?.status).toBe('dropped');
  });

  it('lets a failure to write reach the caller rather than counting the action as skipped', async () => {
    const { db, repos } = openDatabase();
    const participant = await repos.participants.create({ name: 'Amara' });
    const action = await repos.actions.add({ participantId: participant.id, text: 'Publish the RACI' });
    db.actions.hook('updating', () => {
      throw new Error('The disk is full.');
    });

    await expect(repos.actions.setStatusMany([action.id], 'done')).rejects.toThrow('The disk is full.');
    expect((await repos.actions.get(action.id))?.status).toBe('open');
  });
});
