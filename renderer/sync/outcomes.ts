// What a sync run comes to, as data. The engine decides; renderer/sync/wording.ts says it in words,
// so tests assert what happened and the screen chooses the sentence.
import type { SyncRun, SyncRunOutcome } from '../../shared/model';
import type { UpstreamPause } from './settings';

/**
 * `unreachable`: the network is up, but nothing answers at the upstream's address. `failed`: the
 * run stopped on an error of this device (a write that failed, say).
 */
export type SyncOutcome = SyncRunOutcome | 'offline' | 'unreachable' | 'not-set-up' | 'failed';

/** Why a run ended early, or did not start. */
export type SyncStop =
  | { type: 'not-set-up'; reason: string }
  | { type: 'offline' }
  | { type: 'failed'; error: string }
  /** The upstream is not asked again before `until`: the app's backoff, or the upstream's Retry-After. */
  | { type: 'upstream-wait'; reason: string; until: number }
  /** The upstream refused the connection itself; `paused`: this run did not ask again, it waits for the coach. */
  | { type: 'refused-connection'; reason: string; paused: boolean }
  /** Nothing answers at the upstream's address: the changes wait, as they do offline. */
  | { type: 'unreachable'; connector: string; reason: string }
  | { type: 'cancelled'; reason: string }
  | { type: 'out-of-time' };

export type SyncRunReport = {
  outcome: SyncOutcome;
  /** What ended the run early or kept it from sending; null for a run that went through. */
  stop: SyncStop | null;
  /** The run as kept in the history, its message included; null for a run that sent nothing and set nothing aside. */
  run: SyncRun | null;
  /** When the next pending entry is due, for the caller's retry timer. */
  nextDueAt: number | null;
};

/** The upstream's pause as a run sets it: the connector and settings it applies to are added when it is stored. */
export type Pause = Omit<UpstreamPause, 'connector' | 'settingsRevision'>;

/** How a run ended early, and the pause it puts on the upstream, if any. */
export type RunStop = { outcome: SyncRunOutcome; stop: SyncStop; pause?: Pause };
