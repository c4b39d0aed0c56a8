// Tells the platform when the coach starts and stops holding edits not yet committed, so that
// closing the desktop window waits for them and leaving the web page asks first.
import type { PlatformApi } from '../shared/ipc';
import { holdsUnsavedEdits, useSaveStatus, type SaveStatus } from './components/autosave';

const report = (status: SaveStatus) => ({ unsaved: holdsUnsavedEdits(status), refused: status.refused > 0 });

export function reportUnsavedWork(platform: Pick<PlatformApi, 'setUnsavedWork'>): () => void {
  // Said once at start too: a page reloaded while it held edits must not leave the window waiting.
  void platform.setUnsavedWork(report(useSaveStatus.getState()));
  return useSaveStatus.subscribe((status, previous) => {
    const now = report(status);
    const before = report(previous);
    if (now.unsaved !== before.unsaved || now.refused !== before.refused) void platform.setUnsavedWork(now);
  });
}
