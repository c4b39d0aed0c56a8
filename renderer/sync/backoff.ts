// How long to wait before trying a failed delivery again: exponential backoff with jitter, and
// the upstream's own Retry-After when it sends one.
export type BackoffPolicy = {
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it, so one bad header cannot stall sync for weeks. */
  maxRetryAfterMs: number;
};

export const defaultBackoffPolicy: BackoffPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxRetryAfterMs: 24 * 60 * 60_000,
};

/**
 * The wait before attempt number `attempt + 1`, after `attempt` failures (1 or more). "Equal
 * jitter": half of the exponential step is fixed, half random, so retries from many entries
 * spread out but never come back sooner than half the step.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(step / 2 + (step / 2) * random());
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, now: number, policy: BackoffPolicy): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  let delay: number;
  if (/^\d+$/.test(trimmed)) delay = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    delay = at - now;
  }
  return Math.min(Math.max(delay, 0), policy.maxRetryAfterMs);
}
