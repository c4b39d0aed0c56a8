// The 24-hour rule: an action linked to the session and logged within 24 elapsed hours of its start.
import { describe, expect, it } from 'vitest';
import {
  actionDeadline,
  firstActionLoggedAtBySession,
  isLoggedWithin24Hours,
  sessionStartsAt,
  twentyFourHourStatus,
} from '../../../shared/twenty-four-hour-rule';
import { zonedClock } from '../../../shared/metrics/zoned-clock';

const newYork = zonedClock('America/New_York');
const london = zonedClock('Europe/London');
const iso = (instant: number) => new Date(instant).toISOString();

// Saturday 7 March 2026, 09:00 EST (14:00 UTC); clocks go forward overnight.
const session = { id: 'session-1', date: '2026-03-07', startTime: '09:00' };

describe('the 24-hour rule', () => {
  it('starts the window at the session date and time on the coach clock', () => {
    expect(iso(sessionStartsAt(session, newYork))).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(sessionStartsAt(session, london))).toBe('2026-03-07T09:00:00.000Z');
  });

  it('counts 24 elapsed hours, which is 10:00 EDT the next day after the spring change', () => {
    expect(iso(actionDeadline(session, newYork))).toBe('2026-03-08T14:00:00.000Z');
    const at0959Edt = Date.parse('2026-03-08T13:59:00Z');
    const at1001Edt = Date.parse('2026-03-08T14:01:00Z');
    expect(isLoggedWithin24Hours({ sessionId: 'session-1', createdAt: at0959Edt }, session, newYork)).toBe(true);
    expect(isLoggedWithin24Hours({ sessionId: 'session-1', createdAt: at1001Edt }, session, newYork)).toBe(false);
  });

  it('only counts actions linked to the session', () => {
    const soon = Date.parse('2026-03-07T15:00:00Z');
    expect(isLoggedWithin24Hours({ sessionId: 'other', createdAt: soon }, session, newYork)).toBe(false);
    expect(isLoggedWithin24Hours({ sessionId: null, createdAt: soon }, session, newYork)).toBe(false);
  });

  it('counts an action logged before the session started', () => {
    const before = Date.parse('2026-03-06T12:00:00Z');
    expect(isLoggedWithin24Hours({ sessionId: 'session-1', createdAt: before }, session, newYork)).toBe(true);
  });

  it('tells met, open and missed apart', () => {
    const deadline = actionDeadline(session, newYork);
    expect(twentyFourHourStatus(session, deadline, newYork, deadline + 1)).toBe('met');
    expect(twentyFourHourStatus(session, null, newYork, deadline)).toBe('open');
    expect(twentyFourHourStatus(session, null, newYork, deadline + 1)).toBe('missed');
    expect(twentyFourHourStatus(session, deadline + 1, newYork, deadline + 2)).toBe('missed');
  });

  it('finds the earliest live action of each session', () => {
    const first = firstActionLoggedAtBySession([
      { sessionId: 'a', createdAt: 30 },
      { sessionId: 'a', createdAt: 10, deletedAt: 40 },
      { sessionId: 'a', createdAt: 20 },
      { sessionId: null, createdAt: 5 },
      { sessionId: 'b', createdAt: 50 },
    ]);
    expect([...first]).toEqual([
      ['a', 20],
      ['b', 50],
    ]);
  });
});
