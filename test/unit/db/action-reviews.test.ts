// "Since last time": what a session goes over, and what each decision does to the action.
import { describe, expect, it } from 'vitest';
import { databasePerTest, testClock } from './test-database';

const open = databasePerTest();

async function twoSessions() {
  const clock = testClock();
  const { db, repos } = open(clock);
  const amara = await repos.participants.create({ name: 'Amara Okafor' });
  const first = await repos.sessions.create({ participantId: amara.id, date: '2026-11-02', startTime: '09:00' });
  const add = (text: string, dueDate: string | null, sessionId: string | null = first.id) =>
    repos.actions.add({ participantId: amara.id, sessionId, text, dueDate: dueDate as never });
  const late = await add('Name an owner for each escalation', '2026-11-04');
  const later = await add('Share the RACI with the team', '2026-11-06');
  const undated = await add('Ask for feedback after the review', null);
  const finished = await add('Book the offsite', '2026-11-03');
  await repos.actions.setStatus(finished.id, 'done');
  clock.advance(7 * 24 * 3_600_000);
  const second = await repos.sessions.create({ participantId: amara.id, date: '2026-11-09', startTime: '09:00' });
  const ownAction = await add('Logged in the second session', '2026-11-01', second.id);
  return { db, repos, clock, second, late, later, undated, ownAction };
}

describe('since last time', () => {
  it('lists the earlier open actions oldest due first, undated last, and not the session’s own', async () => {
    const { repos, second, late, later, undated } = await twoSessions();
    const items = await repos.actionReviews.sinceLastTime(second.participantId, second.id);
    expect(items.map((item) => item.action.id)).toEqual([late.id, later.id, undated.id]);
    expect(items.every((item) => item.review === null)).toBe(true);
  });

  it('records each decision with its time and session, moves the action, and keeps it on the list', async () => {
    const { db, repos, clock, second, late, later, undated } = await twoSessions();
    await repos.actionReviews.review(late.id, second.id, { outcome: 'done' });
    clock.advance(60_000);
    await repos.actionReviews.review(later.id, second.id, { outcome: 'blocked', reason: 'Waiting for legal' });
    await repos.actionReviews.review(undated.id, second.id, { outcome: 'carried-forward', dueDate: '2026-11-20' });

    expect((await db.actions.get(late.id))?.status).toBe('done');
    const blocked = await db.actions.get(later.id);
    expect(blocked?.status).toBe('blocked');
    expect(blocked?.history.at(-1)).toMatchObject({ status: 'blocked', reason: 'Waiting for legal', at: clock() });
    const carried = await db.actions.get(undated.id);
    expect([carried?.status, carried?.dueDate]).toEqual(['open', '2026-11-20']);

    const reviews = await db.actionReviews.where('sessionId').equals(second.id).toArray();
    expect(reviews.map((review) => review.outcome).sort()).toEqual(['blocked', 'carried-forward', 'done']);
    const items = await repos.actionReviews.sinceLastTime(second.participantId, second.id);
    expect(items.map((item) => item.review?.outcome)).toEqual(['done', 'blocked', 'carried-forward']);
    // Each change went upstream like any other edit of an action.
    expect(await db.outbox.where('recordId').anyOf([late.id, later.id, undated.id]).count()).toBeGreaterThanOrEqual(3);
  });

  it('refuses a block or a drop without a reason and changes nothing', async () => {
    const { db, repos, second, late } = await twoSessions();
    await expect(repos.actionReviews.review(late.id, second.id, { outcome: 'dropped', reason: '  ' })).rejects.toThrow(
      /Say why it is dropped/,
    );
    expect((await db.actions.get(late.id))?.status).toBe('open');
    expect(await db.actionReviews.count()).toBe(0);
  });
});
