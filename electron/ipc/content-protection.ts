// Keeps the window's content out of screenshots, screen recordings and the task switcher's
// previews while the app lock is on (macOS and Windows honour it; elsewhere it does nothing).
import { BrowserWindow } from 'electron';
import type { IpcHandlers } from './register';

export function contentProtectionHandlers(): Pick<IpcHandlers, 'setContentProtection'> {
  return {
    setContentProtection: ({ enabled }, event) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window) return false;
      window.setContentProtection(enabled);
      return process.platform === 'darwin' || process.platform === 'win32';
    },
  };
}
