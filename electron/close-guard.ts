// Closing the window never loses what the coach just typed. The renderer reports when it holds
// edits not yet committed to IndexedDB (an autosave waits up to 300 ms, then writes); a close in
// that moment hides the window at once and destroys it only once the renderer reports them saved,
// or after `maxWaitMs` should it never answer. Without this, a close or quit within a moment of
// typing tears the page down with the write still in flight.
import { app, type BrowserWindow } from 'electron';
import { createLogger } from '../shared/logger';
import type { IpcHandlers } from './ipc/register';

const log = createLogger('close-guard');

export const CLOSE_WAIT_MS = 5_000;

/** What the renderer last said about its unsaved edits, and who waits for them to be saved. */
export class UnsavedWork {
  private unsaved = false;
  private waiting: (() => void)[] = [];

  get pending(): boolean {
    return this.unsaved;
  }

  report(unsaved: boolean): void {
    this.unsaved = unsaved;
    if (unsaved) return;
    for (const resume of this.waiting.splice(0)) resume();
  }

  /** Resolves with true once nothing is unsaved, or with false after `maxWaitMs`. */
  saved(maxWaitMs: number): Promise<boolean> {
    if (!this.unsaved) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((waiter) => waiter !== onSaved);
        resolve(false);
      }, maxWaitMs);
      const onSaved = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiting.push(onSaved);
    });
  }
}

export function unsavedWorkHandlers(work: UnsavedWork): Pick<IpcHandlers, 'setUnsavedWork'> {
  return {
    setUnsavedWork: ({ unsaved }) => {
      work.report(unsaved);
      return null;
    },
  };
}

export function guardClose(appWindow: BrowserWindow, work: UnsavedWork, maxWaitMs = CLOSE_WAIT_MS): void {
  let quitting = false;
  const onBeforeQuit = () => (quitting = true);
  app.on('before-quit', onBeforeQuit);
  appWindow.on('closed', () => app.off('before-quit', onBeforeQuit));

  let saving = false;
  appWindow.on('close', (event) => {
    if (!work.pending) return;
    event.preventDefault();
    if (saving) return;
    saving = true;
    appWindow.hide();
    void work.saved(maxWaitMs).then((saved) => {
      if (!saved) log.warn(`Closing with edits still unsaved after ${maxWaitMs} ms`);
      appWindow.destroy();
      // A prevented close cancels a quit under way, so it is asked for again.
      if (quitting) app.quit();
    });
  });
}
