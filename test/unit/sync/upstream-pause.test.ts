// The upstream's pause: which runs it keeps from sending, and the pauses a run sets.
import { describe, expect, it } from 'vitest';
import type { Pause } from '../../../renderer/sync/outcomes';
import type { StoredEntry } from '../../../renderer/sync/outbox-queue';
import { pausedReport, pausesRun, refusedStop, waitStop } from '../../../renderer/sync/upstream-pause';

const longest = 60 * 60_000;
const now = 1_000_000;
const backoff: Pause = {
  reason: 'The receiver answered 500',
  until: now + 30_000,
  retryAfterUntil: null,
  setAside: [],
};
const retryAfter: Pause = { ...backoff, reason: 'The receiver answered 429', retryAfterUntil: now + 30_000 };
const refused: Pause = { reason: 'The receiver answered 401', until: null, retryAfterUntil: null, setAside: [4, 5] };

describe('whether a pause keeps a run from sending', () => {
  it.each([
    ['the backoff', backoff, { schedule: true, online: true, retry: true, manual: false, 'retry-parked': false }],
    ['a Retry-After', retryAfter, { schedule: true, online: true, retry: true, manual: true, 'retry-parked': true }],
    [
      'a refused connection',
      refused,
      { schedule: true, online: true, retry: true, manual: false, 'retry-parked': false },
    ],
  ] as const)(
    'during %s: only a run the coach asked for goes past what is not the upstream’s own wait',
    (_, pause, expected) => {
      for (const [trigger, pauses] of Object.entries(expected)) {
        expect(pausesRun(pause, trigger as keyof typeof expected, now, longest), trigger).toBe(pauses);
      }
    },
  );

  it('is over once its time has passed, or when it was set for longer than any wait (the clock went back)', () => {
    expect(pausesRun(backoff, 'schedule', now + 30_000, longest)).toBe(false);
    expect(pausesRun({ ...retryAfter, until: now + longest + 1 }, 'manual', now, longest)).toBe(false);
  });
});

describe('the pauses a run sets and reports', () => {
  it('waits the whole upstream for the delay, and remembers the part the upstream asked for', () => {
    expect(waitStop('The receiver answered 429', now, 60_000, 45_000)).toEqual({
      outcome: 'will-retry',
      stop: { type: 'upstream-wait', reason: 'The receiver answered 429', until: now + 60_000 },
      pause: { reason: 'The receiver answered 429', until: now + 60_000, retryAfterUntil: now + 45_000, setAside: [] },
    });
  });

  it('remembers what a refused connection set aside, to send it again once the coach has acted', () => {
    const entries = [{ seq: 4 }, { seq: 5 }] as StoredEntry[];
    expect(refusedStop('The receiver answered 401', entries)).toEqual({
      outcome: 'rejected',
      stop: { type: 'refused-connection', reason: 'The receiver answered 401', paused: false },
      pause: refused,
    });
  });

  it('reports a run a pause kept from sending, with when the next one may', () => {
    expect(pausedReport(backoff)).toEqual({
      outcome: 'will-retry',
      stop: { type: 'upstream-wait', reason: backoff.reason, until: backoff.until },
      run: null,
      nextDueAt: backoff.until,
    });
    expect(pausedReport(refused)).toEqual({
      outcome: 'rejected',
      stop: { type: 'refused-connection', reason: refused.reason, paused: true },
      run: null,
      nextDueAt: null,
    });
  });
});
