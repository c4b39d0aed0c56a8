// Runs the calendar reader in a Web Worker (see ics-import-worker.ts), or here where no worker can
// start (unit tests). A worker that has not answered in a minute is stopped: whatever ical.js might
// still get stuck on, the coach gets a message instead of a file that never finishes reading.
import type { CalendarReadResult, ReadOptions } from './ics-import';
import type { ImportReply, ImportRequest } from './ics-import-worker';

export const READ_TIME_LIMIT_MS = 60_000;

export async function readCalendarInWorker(bytes: Uint8Array, options: ReadOptions): Promise<CalendarReadResult> {
  if (typeof Worker === 'undefined') {
    const { readCalendar } = await import('./ics-import');
    return readCalendar(bytes, options);
  }
  const worker = new Worker(new URL('./ics-import-worker.ts', import.meta.url), { type: 'module', name: 'calendar' });
  return new Promise((resolve, reject) => {
    const stop = (settle: () => void) => {
      clearTimeout(limit);
      worker.terminate();
      settle();
    };
    const limit = setTimeout(
      () => stop(() => reject(new Error('reading it took more than a minute and was stopped'))),
      READ_TIME_LIMIT_MS,
    );
    worker.onmessage = ({ data }: MessageEvent<ImportReply>) =>
      stop(() => (data.ok ? resolve(data.result) : reject(new Error(data.error))));
    worker.onerror = (event) => stop(() => reject(new Error(event.message || 'the background reader failed')));
    worker.postMessage({ ...options, bytes } satisfies ImportRequest);
  });
}
