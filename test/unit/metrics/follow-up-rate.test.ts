// The follow-up rate against a fixture counted by hand.
import { describe, expect, it } from 'vitest';
import { followUpBySession, followUpRate } from '../../../shared/metrics/follow-up-rate';
import { toMetricAction } from '../../../shared/metrics/metric-records';
import type { Action } from '../../../shared/model';

const hour = 3_600_000;
const day = 24 * hour;
const monday = Date.UTC(2026, 10, 2, 9);

function action(id: string, participantId: string, sessionId: string | null, history: Action['history']) {
  return toMetricAction({ id, participantId, sessionId, createdAt: history[0].at, isExperiment: false, history });
}
const open = (at: number) => ({ status: 'open' as const, at, source: 'coach' as const });
const done = (at: number) => ({ status: 'done' as const, at, source: 'coach' as const });
const dropped = (at: number) => ({
  status: 'dropped' as const,
  at,
  reason: 'no longer needed',
  source: 'coach' as const,
});
const blocked = (at: number) => ({ status: 'blocked' as const, at, reason: 'waiting', source: 'coach' as const });

describe('follow-up rate', () => {
  // Amara: session s1 on Monday logs a1–a4; s2 a week later.
  //   At s2: a1 open, a2 blocked, a3 done and a4 dropped before s2 (not due). s2 reviews a1 only -> 1 of 2.
  // Bea: session b1 logs b-a1; b2 a week later reviews it -> 1 of 1. b-a2 is logged in b2 itself (not due).
  // Cleo: no session after her first -> nothing due.
  const sessions = [
    { id: 's1', participantId: 'amara', startsAt: monday },
    { id: 's2', participantId: 'amara', startsAt: monday + 7 * day },
    { id: 'b1', participantId: 'bea', startsAt: monday },
    { id: 'b2', participantId: 'bea', startsAt: monday + 7 * day },
    { id: 'c1', participantId: 'cleo', startsAt: monday },
  ];
  const actions = [
    action('a1', 'amara', 's1', [open(monday + hour)]),
    action('a2', 'amara', 's1', [open(monday + hour), blocked(monday + 2 * day)]),
    action('a3', 'amara', 's1', [open(monday + hour), done(monday + 3 * day)]),
    action('a4', 'amara', 's1', [open(monday + hour), dropped(monday + 4 * day)]),
    action('b-a1', 'bea', 'b1', [open(monday + hour), done(monday + 7 * day + hour)]),
    action('b-a2', 'bea', 'b2', [open(monday + 7 * day + 2 * hour)]),
    action('c-a1', 'cleo', 'c1', [open(monday + hour)]),
    { ...action('gone', 'amara', 's1', [open(monday + hour)]), deletedAt: monday + day },
  ];
  const reviews = [
    { actionId: 'a1', sessionId: 's2' },
    { actionId: 'b-a1', sessionId: 'b2' },
    // A review in the session that logged it is not a follow-up.
    { actionId: 'c-a1', sessionId: 'c1' },
  ];

  it('counts, per session, the actions open when it began and how many it went over', () => {
    const counts = followUpBySession(sessions, actions, reviews);
    expect(Object.fromEntries(counts)).toEqual({
      s1: { due: 0, reviewed: 0 },
      s2: { due: 2, reviewed: 1 },
      b1: { due: 0, reviewed: 0 },
      b2: { due: 1, reviewed: 1 },
      c1: { due: 0, reviewed: 0 },
    });
    expect(followUpRate(counts.values())).toEqual({ due: 3, reviewed: 2, rate: 2 / 3 });
  });

  it('has no rate when nothing was open at a later session', () => {
    expect(followUpRate(followUpBySession([sessions[0]], [], []).values())).toEqual({
      due: 0,
      reviewed: 0,
      rate: null,
    });
  });
});
