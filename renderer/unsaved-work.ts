// Tells the platform when the coach starts and stops holding edits not yet committed, so that
// closing the desktop window waits for them and leaving the web page asks first.
import type { PlatformApi } from '../shared/ipc';
import { holdsUnsavedEdits, useSaveStatus } from './components/autosave';

export function reportUnsavedWork(platform: Pick<PlatformApi, 'setUnsavedWork'>): () => void {
  // Said once at start too: a page reloaded while it held edits must not leave the window waiting.
  void platform.setUnsavedWork({ unsaved: holdsUnsavedEdits(useSaveStatus.getState()) });
  return useSaveStatus.subscribe((status, previous) => {
    const unsaved = holdsUnsavedEdits(status);
    if (unsaved !== holdsUnsavedEdits(previous)) void platform.setUnsavedWork({ unsaved });
  });
}
