// Closing the window never loses what the coach just typed. The renderer reports when it holds
// edits not yet committed to IndexedDB (an autosave waits up to 300 ms, then writes); a close in
// that moment hides the window at once and destroys it only once the renderer reports them saved,
// or after `maxWaitMs` should it never answer. Without this, a close or quit within a moment of
// typing tears the page down with the write still in flight. An edit the app refused (too long,
// say) will never be saved by waiting: then, as after a wait that ran out, the window stays and
// the coach is asked whether to close anyway, so nothing typed goes without a word.
import { app, dialog, type BrowserWindow } from 'electron';
import { createLogger } from '../shared/logger';
import type { IpcHandlers } from './ipc/register';

const log = createLogger('close-guard');

export const CLOSE_WAIT_MS = 5_000;

/** What the renderer last said about its unsaved edits, and who waits for them to be saved. */
export class UnsavedWork {
  private unsaved = false;
  private refusedEdits = false;
  private waiting: (() => void)[] = [];

  get pending(): boolean {
    return this.unsaved;
  }

  /** True while the screen shows an edit the app refused: no wait will save it. */
  get refused(): boolean {
    return this.refusedEdits;
  }

  report(unsaved: boolean, refused = false): void {
    this.unsaved = unsaved;
    this.refusedEdits = unsaved && refused;
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
    setUnsavedWork: ({ unsaved, refused }) => {
      work.report(unsaved, refused);
      return null;
    },
  };
}

/** Asks whether to close with text unsaved; true means close. Staying is the default answer. */
export type AskCloseAnyway = (appWindow: BrowserWindow) => Promise<boolean>;

const askWithDialog: AskCloseAnyway = async (appWindow) => {
  const { response } = await dialog.showMessageBox(appWindow, {
    type: 'warning',
    buttons: ['Stay and keep the text', 'Close anyway'],
    defaultId: 0,
    cancelId: 0,
    message: 'Some text you typed is not saved',
    detail:
      'A field on screen holds text that could not be saved (its message says why). Stay to copy or shorten it; closing now loses it.',
  });
  return response === 1;
};

export function guardClose(
  appWindow: BrowserWindow,
  work: UnsavedWork,
  maxWaitMs = CLOSE_WAIT_MS,
  askCloseAnyway: AskCloseAnyway = askWithDialog,
): void {
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
    const refused = work.refused;
    if (!refused) appWindow.hide();
    void work.saved(refused ? 0 : maxWaitMs).then(async (saved) => {
      if (!saved) {
        log.warn(refused ? 'Close asked with a refused edit on screen' : `Edits still unsaved after ${maxWaitMs} ms`);
        appWindow.show();
        if (!(await askCloseAnyway(appWindow))) {
          saving = false;
          quitting = false;
          return;
        }
      }
      appWindow.destroy();
      // A prevented close cancels a quit under way, so it is asked for again.
      if (quitting) app.quit();
    });
  });
}
