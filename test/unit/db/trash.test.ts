import { describe, expect, it } from 'vitest';
import { databasePerTest, participantWithSession } from './test-database';

const openDatabase = databasePerTest();

async function sessionWithActions() {
  const opened = openDatabase();
  const { repos } = opened;
  const { participant, session } = await participantWithSession(repos, { name: 'Amara' });
  const [kept, alreadyDeleted] = await repos.actions.addMany([
    { participantId: participant.id, sessionId: session.id, text: 'Publish the RACI' },
    { participantId: participant.id, sessionId: session.id, text: 'Book the review' },
  ]);
  return { ...opened, session, kept, alreadyDeleted };
}

describe('the trash', () => {
  it('takes a session with its actions and brings back only those on restore', async () => {
    const { repos, clock, session, kept, alreadyDeleted } = await sessionWithActions();
    await repos.trash.deleteAction(alreadyDeleted.id);
    clock.advance(60_000);
    await repos.trash.deleteSession(session.id);
    expect((await repos.sessions.get(session.id))?.deletedAt).toBe(clock());
    expect((await repos.actions.get(kept.id))?.deletedAt).toBe(clock());
    expect((await repos.trash.list()).map((item) => item.kind).sort()).toEqual(['action', 'session']);

    clock.advance(60_000);
    await repos.trash.restoreSession(session.id);
    expect((await repos.sessions.get(session.id))?.deletedAt).toBeUndefined();
    expect((await repos.actions.get(kept.id))?.deletedAt).toBeUndefined();
    expect((await repos.actions.get(alreadyDeleted.id))?.deletedAt).toBeDefined();
  });

  it('queues deleted and restored actions for sync so upstream hears of both', async () => {
    const { repos, db, kept } = await sessionWithActions();
    await db.outbox.toCollection().modify({ attempts: 1 });
    await repos.trash.deleteAction(kept.id);
    const entries = await db.outbox.where('recordId').equals(kept.id).toArray();
    expect(entries.at(-1)?.payload).toMatchObject({ id: kept.id, deletedAt: expect.any(Number) });
  });

  it('purges only what has been in the trash longer than 30 days', async () => {
    const { repos, clock, session, kept } = await sessionWithActions();
    await repos.trash.deleteAction(kept.id);
    clock.advance(20 * 86_400_000);
    await repos.trash.deleteSession(session.id);
    clock.advance(11 * 86_400_000);
    expect(await repos.trash.purgeExpired()).toBe(1);
    expect(await repos.actions.get(kept.id)).toBeUndefined();
    expect(await repos.sessions.get(session.id)).toBeDefined();
  });
});

describe('deleting a session twice', () => {
  it('still brings its actions back when it is restored', async () => {
    const { repos, clock, session, kept, alreadyDeleted } = await sessionWithActions();
    await repos.trash.deleteSession(session.id);
    // A second press (a double click, or a second window on the same session) a moment later.
    clock.advance(1);
    await repos.trash.deleteSession(session.id);

    await repos.trash.restoreSession(session.id);
    expect((await repos.sessions.get(session.id))?.deletedAt).toBeUndefined();
    for (const action of [kept, alreadyDeleted])
      expect((await repos.actions.get(action.id))?.deletedAt).toBeUndefined();
    expect(await repos.trash.list()).toEqual([]);
  });

  it('keeps the time it first went to the trash, so the 30 days run from then', async () => {
    const { repos, clock, session } = await sessionWithActions();
    await repos.trash.deleteSession(session.id);
    const first = (await repos.sessions.get(session.id))?.deletedAt;
    clock.advance(10 * 86_400_000);
    await repos.trash.deleteSession(session.id);
    expect((await repos.sessions.get(session.id))?.deletedAt).toBe(first);
  });
});

describe('the 30-day purge', () => {
  it('takes the hub’s notes on a purged action with it', async () => {
    const { repos, clock, db, kept: action } = await sessionWithActions();
    await db.actionNotes.add({
      id: 'hub-note-1',
      actionId: action.id,
      at: clock(),
      kind: 'comment',
      author: 'Pat Lee',
      text: 'Amara told me she is leaving in March',
    });
    await repos.trash.deleteAction(action.id);
    clock.advance(31 * 86_400_000);
    expect(await repos.trash.purgeExpired()).toBe(1);
    expect(await repos.actions.get(action.id)).toBeUndefined();
    expect(await db.actionNotes.where('actionId').equals(action.id).count()).toBe(0);
  });
});
