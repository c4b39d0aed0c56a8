// Opens the main window where the coach left it, loads the app from its fixed origin, and
// remembers its size and position for next time.
import { screen, type BrowserWindow } from 'electron';
import { appEntryUrl } from './app-origin';
import { createSecureWindow } from './window';
import { loadWindowState, rememberWindowState, restoreWindowState } from './window-state';

export type MainWindowOptions = { preload: string; windowStateFile: string; title: string };

export async function openMainWindow({ preload, windowStateFile, title }: MainWindowOptions): Promise<BrowserWindow> {
  const { maximized, ...bounds } = restoreWindowState(
    await loadWindowState(windowStateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const mainWindow = createSecureWindow({ preload, bounds, title });
  if (maximized) mainWindow.maximize();
  rememberWindowState(mainWindow, windowStateFile);
  await mainWindow.loadURL(appEntryUrl);
  return mainWindow;
}
