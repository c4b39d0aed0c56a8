// Waits for a pause in the coach's typing before a chore that reads the whole database. The day's
// backup reads every table in one transaction and IndexedDB queues writes behind it, so started
// mid-sentence on years of data it would hold an autosave back by a few hundred milliseconds.

export type TypingPauseOptions = {
  /** How long without input counts as a pause. */
  pauseMs: number;
  /** A chore waits at most this long, so a coach who never stops typing still gets a backup. */
  maxWaitMs: number;
};

/** Resolves once no input came for `pauseMs`, or after `maxWaitMs` at the latest. */
export type NextTypingPause = () => Promise<void>;

/** Watches input events on `target` (the document, in the app), from now on. */
export function watchTypingPauses(target: EventTarget, { pauseMs, maxWaitMs }: TypingPauseOptions): NextTypingPause {
  let lastInputAt = Date.now();
  target.addEventListener('input', () => (lastInputAt = Date.now()), { capture: true, passive: true });
  return () =>
    new Promise((resolve) => {
      const deadline = Date.now() + maxWaitMs;
      const check = () => {
        const now = Date.now();
        const untilPause = lastInputAt + pauseMs - now;
        if (untilPause <= 0 || now >= deadline) resolve();
        else setTimeout(check, Math.min(untilPause, deadline - now));
      };
      check();
    });
}
