import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from './test-database';
import type { FollowthroughDatabase } from '../../../renderer/db/database';

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
