// Waits for a pause in the coach's typing before work that competes with it for the database and
// the two cores: the search index's first build shortly after start-up, and the day's backup,
// which reads every table in one transaction that IndexedDB queues writes behind. Started
// mid-sentence on years of data, each held an autosave back by 100–250 ms.

type TypingPause = {
  /** How long without input counts as a pause. */
  pauseMs: number;
  /** The work waits at most this long, so a coach who never stops typing still gets it done. */
  maxWaitMs: number;
};

/** Resolves once no input came for `pauseMs`, or after `maxWaitMs` at the latest. */
export type WaitForTypingPause = (pause: TypingPause) => Promise<void>;

/** Watches input events on `target` (the document, in the app) from now on. */
export function watchTypingPauses(target: EventTarget): WaitForTypingPause {
  let lastInputAt = Date.now();
  target.addEventListener('input', () => (lastInputAt = Date.now()), { capture: true, passive: true });
  return ({ pauseMs, maxWaitMs }) =>
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
