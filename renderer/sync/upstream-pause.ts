// The upstream's pause: after a failed attempt it waits out the backoff (or its own Retry-After);
// after it refused the connection itself it waits for the coach. Which runs a pause keeps from
// sending, and the pauses a run sets.
import type { SyncTrigger } from '../../shared/model';
import type { Pause, RunStop, SyncRunReport } from './outcomes';
import type { StoredEntry } from './outbox-queue';

/** Sync now and Retry: the coach asked for this run. */
export const byCoach = (trigger: SyncTrigger) => trigger === 'manual' || trigger === 'retry-parked';

/**
 * Whether a pause keeps a run from sending. A run the coach asked for goes past the app's backoff
 * and past a refused connection (it is how they try a fix), never past the upstream's Retry-After.
 * A wait longer than any that may be asked for was set before the clock went back: it is over.
 */
export function pausesRun(pause: Pause, trigger: SyncTrigger, now: number, longestWaitMs: number): boolean {
  if (pause.until !== null && pause.until - now > longestWaitMs) return false;
  if (byCoach(trigger)) return pause.retryAfterUntil !== null && now < pause.retryAfterUntil;
  return pause.until === null || now < pause.until;
}

/** The report of a run that a pause kept from sending anything. */
export function pausedReport(pause: Pause): SyncRunReport {
  if (pause.until === null) {
    return {
      outcome: 'rejected',
      stop: { type: 'refused-connection', reason: pause.reason, paused: true },
      run: null,
      nextDueAt: null,
    };
  }
  return {
    outcome: 'will-retry',
    stop: { type: 'upstream-wait', reason: pause.reason, until: pause.until },
    run: null,
    nextDueAt: pause.until,
  };
}

/** The whole upstream waits `delayMs`, not just the batch that failed: the next one would meet the same answer. */
export function waitStop(reason: string, now: number, delayMs: number, retryAfterMs: number | null): RunStop {
  const until = now + delayMs;
  return {
    outcome: 'will-retry',
    stop: { type: 'upstream-wait', reason, until },
    pause: { reason, until, retryAfterUntil: retryAfterMs === null ? null : now + retryAfterMs, setAside: [] },
  };
}

/**
 * The upstream refused the connection itself: every request would meet the same refusal until the
 * coach acts. What it set aside goes again once they have.
 */
export function refusedStop(reason: string, setAside: StoredEntry[] = []): RunStop {
  return {
    outcome: 'rejected',
    stop: { type: 'refused-connection', reason, paused: false },
    pause: { reason, until: null, retryAfterUntil: null, setAside: setAside.map((entry) => entry.seq) },
  };
}
