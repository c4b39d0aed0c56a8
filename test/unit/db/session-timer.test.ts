// The coaching timer adds the time it ran to the session's duration when it is stopped. A timer
// left running overnight, or one that would take the duration past 24 hours, must not quietly
// turn into hours of coaching (or quietly lose minutes): the coach is told and decides.
import { describe, expect, it } from 'vitest';
import { databasePerTest, participantWithSession } from '../db/test-database';

const openDatabase = databasePerTest();

const HOUR = 3_600_000;

async function session(durationMinutes = 0) {
  const opened = openDatabase();
  const { session: created } = await participantWithSession(opened.repos, { name: 'Amara' }, { durationMinutes });
  return { ...opened, session: created };
}

describe('the coaching timer', () => {
  it('adds a normal session’s time', async () => {
    const { repos, clock, session: s } = await session();
    await repos.sessions.startTimer(s.id);
    clock.advance(50 * 60_000);
    expect((await repos.sessions.stopTimer(s.id)).durationMinutes).toBe(50);
  });

  it('does not turn a timer left running for three days into a 24-hour session without a word', async () => {
    const { repos, clock, session: s } = await session(45);
    await repos.sessions.startTimer(s.id);
    clock.advance(3 * 24 * HOUR);
    const stopped = await repos.sessions.stopTimer(s.id).then(
      (result) => ({ ok: true as const, result }),
      (error: Error) => ({ ok: false as const, error }),
    );
    const stored = await repos.sessions.get(s.id);
    // It says so, and leaves the duration as the coach had it: never 24 h in silence.
    expect(stopped.ok).toBe(false);
    if (!stopped.ok) expect(stopped.error.message).toMatch(/72 h 00 min.*24 hours/);
    expect(stored?.durationMinutes).toBe(45);
    // The timer is stopped, so the coach is not stuck with it running.
    expect(stored?.timerStartedAt).toBeNull();
  });

  it('does not quietly drop minutes when the timer takes the duration past 24 hours', async () => {
    const { repos, clock, session: s } = await session(23 * 60);
    await repos.sessions.startTimer(s.id);
    clock.advance(2 * HOUR);
    const stopped = await repos.sessions.stopTimer(s.id).then(
      () => null,
      (error: Error) => error,
    );
    const stored = await repos.sessions.get(s.id);
    expect(stopped?.message).toMatch(/24 hours/);
    expect(stored?.durationMinutes).toBe(23 * 60);
    expect(stored?.timerStartedAt).toBeNull();
  });
});
