import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultBackoffPolicy, parseRetryAfterMs, retryDelayMs } from '../../../renderer/sync/backoff';

const policy = defaultBackoffPolicy;

describe('backoff', () => {
  it('grows exponentially with equal jitter, within half and all of the capped step (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
          const delay = retryDelayMs(attempt, policy, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(delay).toBeLessThanOrEqual(step);
        },
      ),
    );
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 1))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('reads Retry-After as seconds or as an HTTP date, and caps it', () => {
    const now = Date.UTC(2026, 10, 2, 9, 0, 0);
    expect(parseRetryAfterMs('120', now, policy)).toBe(120_000);
    expect(parseRetryAfterMs(' 0 ', now, policy)).toBe(0);
    expect(parseRetryAfterMs('Mon, 02 Nov 2026 09:05:00 GMT', now, policy)).toBe(300_000);
    expect(parseRetryAfterMs('Mon, 02 Nov 2026 08:00:00 GMT', now, policy)).toBe(0);
    expect(parseRetryAfterMs('99999999', now, policy)).toBe(policy.maxRetryAfterMs);
    expect(parseRetryAfterMs('soon', now, policy)).toBeNull();
    expect(parseRetryAfterMs(undefined, now, policy)).toBeNull();
  });

  it('never returns a negative or unbounded wait for any header text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const delay = parseRetryAfterMs(header, 0, policy);
        if (delay !== null) expect(delay >= 0 && delay <= policy.maxRetryAfterMs).toBe(true);
      }),
    );
  });
});
