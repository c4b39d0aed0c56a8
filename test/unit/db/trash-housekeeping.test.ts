// The trash: deleting twice, restoring, and the 30-day purge the Settings page promises.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import type { FollowthroughDatabase } from '../../../renderer/db/database';

// The daily backup writes through the platform (the desktop's files, the browser's storage), which
// Node does not have: at that edge, and only there, the backup is stood in for. The trash is real.
vi.mock('../../../renderer/features/privacy/backup-deps', async () => {
  const { create } = await import('zustand');
  return { appBackupDeps: {}, useAutomaticBackupStatus: create(() => ({ lastError: null })) };
});
vi.mock('../../../renderer/backup/backup-service', () => ({
  ensureDailyBackup: async () => ({ ok: true, value: null }),
}));

let db: FollowthroughDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

async function sessionWithActions() {
  const opened = openTestDatabase();
  db = opened.db;
  const { repos } = opened;
  const participant = await repos.participants.create({ name: 'Amara' });
  const session = await repos.sessions.create({
    participantId: participant.id,
    date: '2026-11-02',
    startTime: '09:00',
  });
  const actions = await repos.actions.addMany([
    { participantId: participant.id, sessionId: session.id, text: 'Publish the RACI' },
    { participantId: participant.id, sessionId: session.id, text: 'Book the review' },
  ]);
  return { ...opened, session, actions };
}

describe('deleting a session twice', () => {
  it('still brings its actions back when it is restored', async () => {
    const { repos, clock, session, actions } = await sessionWithActions();
    await repos.trash.deleteSession(session.id);
    // A second press (a double click, or a second window on the same session) a moment later.
    clock.advance(1);
    await repos.trash.deleteSession(session.id);

    await repos.trash.restoreSession(session.id);
    expect((await repos.sessions.get(session.id))?.deletedAt).toBeUndefined();
    for (const action of actions) expect((await repos.actions.get(action.id))?.deletedAt).toBeUndefined();
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
    const { repos, clock, db, actions } = await sessionWithActions();
    const [action] = actions;
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

  it('is run by the app: a session in the trash for 31 days is gone after housekeeping', async () => {
    const { database, repositories } = await import('../../../renderer/db/instance');
    const { startHousekeeping } = await import('../../../renderer/features/privacy/housekeeping');
    const participant = await repositories.participants.create({ name: 'Amara' });
    const session = await repositories.sessions.create({
      participantId: participant.id,
      date: '2026-01-02',
      startTime: '09:00',
    });
    await repositories.trash.deleteSession(session.id);
    await database.sessions.update(session.id, { deletedAt: Date.now() - 31 * 86_400_000 });
    expect((await repositories.trash.list()).map((item) => item.id)).toEqual([session.id]);

    startHousekeeping(async () => undefined);
    // Housekeeping runs its chores at once (after the typing pause, here none).
    for (let waited = 0; waited < 3_000 && (await database.sessions.get(session.id)); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await database.sessions.get(session.id)).toBeUndefined();
    await database.delete();
  });
});
