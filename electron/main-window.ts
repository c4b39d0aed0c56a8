// Opens the main window where the coach left it, loads the app from its fixed origin, and
// remembers its size and position for next time; closing it waits for the coach's last edits.
import { screen, type BrowserWindow } from 'electron';
import { appEntryUrl } from './app-origin';
import { guardClose, type UnsavedWork } from './close-guard';
import { createSecureWindow } from './window';
import { loadWindowState, rememberWindowState, restoreWindowState } from './window-state';

type MainWindowOptions = {
  preload: string;
  windowStateFile: string;
  title: string;
  /** What the renderer reports of its unsaved edits; closing waits for them. */
  unsavedWork: UnsavedWork;
};

export async function openMainWindow({
  preload,
  windowStateFile,
  title,
  unsavedWork,
}: MainWindowOptions): Promise<BrowserWindow> {
  const { maximized, ...bounds } = restoreWindowState(
    await loadWindowState(windowStateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const mainWindow = createSecureWindow({ preload, bounds, title });
  if (maximized) mainWindow.maximize();
  rememberWindowState(mainWindow, windowStateFile);
  guardClose(mainWindow, unsavedWork);
  await mainWindow.loadURL(appEntryUrl);
  return mainWindow;
}
