// How hard and how long a sync run tries: the engine's knobs, shared by its steps.
import { defaultBackoffPolicy, type BackoffPolicy } from './backoff';

export type SyncPolicy = {
  backoff: BackoffPolicy;
  /** Failed attempts after which an entry is parked with its reason. */
  maxAttempts: number;
  /** A run stops taking new batches after this long; the next run goes on. */
  runBudgetMs: number;
  /** The longest stretch of preparing entries between two yields to the UI. */
  sliceMs: number;
  /**
   * The screen is told how far a run got at most this often: a drain of many seconds still moves
   * visibly, and a short one is not held up by re-rendering the Sync page after every page.
   */
  progressIntervalMs: number;
};

export const defaultSyncPolicy: SyncPolicy = {
  backoff: defaultBackoffPolicy,
  maxAttempts: 10,
  runBudgetMs: 120_000,
  sliceMs: 4,
  progressIntervalMs: 250,
};

/** The longest wait the upstream may be given: one set for longer was set before the clock went back. */
export const longestWaitMs = (policy: SyncPolicy) =>
  Math.max(policy.backoff.maxDelayMs, policy.backoff.maxRetryAfterMs);
