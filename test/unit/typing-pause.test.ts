import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchTypingPauses } from '../../renderer/typing-pause';

const pause = { pauseMs: 5_000, maxWaitMs: 60_000 };

/** Marks when `promise` settled, in the fake clock's time. */
function settledAt(promise: Promise<void>): { at: number | null } {
  const seen = { at: null as number | null };
  void promise.then(() => (seen.at = Date.now()));
  return seen;
}

describe('waiting for a pause in typing', () => {
  let target: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    target = new EventTarget();
  });
  afterEach(() => vi.useRealTimers());

  const typeEverySecond = async (seconds: number) => {
    for (let second = 0; second < seconds; second += 1) {
      target.dispatchEvent(new Event('input'));
      await vi.advanceTimersByTimeAsync(1_000);
    }
  };

  it('waits for the pause from the moment it started watching', async () => {
    const waitForPause = watchTypingPauses(target);
    const paused = settledAt(waitForPause(pause));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(paused.at).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(paused.at).toBe(5_000);
  });

  it('goes on only once the coach has stopped typing for the whole pause', async () => {
    const waitForPause = watchTypingPauses(target);
    const paused = settledAt(waitForPause(pause));
    await typeEverySecond(20);
    expect(paused.at).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    // The last key came at 19 s.
    expect(paused.at).toBe(24_000);
  });

  it('goes on after the longest wait when the typing never pauses', async () => {
    const waitForPause = watchTypingPauses(target);
    const paused = settledAt(waitForPause(pause));
    await typeEverySecond(90);
    expect(paused.at).toBe(60_000);
  });
});
