// The desktop app's lifecycle: wires the modules of electron/ together and holds no logic itself.
import { app, BrowserWindow, Menu, safeStorage, shell } from 'electron';
import { join } from 'node:path';
import { createLogger } from '../shared/logger';
import { appInfoHandlers } from './ipc/app-info';
import { backupHandlers } from './ipc/backups';
import { contentProtectionHandlers } from './ipc/content-protection';
import { fileDropHandlers } from './ipc/file-drop';
import { fileHandlers } from './ipc/files';
import { mailDraftHandlers } from './ipc/mail-draft';
import { networkHandlers } from './ipc/network';
import { notificationHandlers } from './ipc/notifications';
import { registerHandlers } from './ipc/register';
import { createSecretStore, secretHandlers } from './ipc/secrets';
import { templateHandlers } from './ipc/templates';
import { UnsavedWork, unsavedWorkHandlers } from './close-guard';
import { createFileDropFolder } from './file-drop-folder';
import { openMainWindow } from './main-window';
import { appMenuTemplate } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';

const log = createLogger('main');

function focus(appWindow: BrowserWindow | undefined): void {
  if (!appWindow) return;
  if (appWindow.isMinimized()) appWindow.restore();
  appWindow.focus();
}

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  const userData = app.getPath('userData');
  const unsavedWork = new UnsavedWork();
  const openWindow = () =>
    openMainWindow({
      preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
      windowStateFile: join(userData, 'window-state.json'),
      title: app.getName(),
      unsavedWork,
    });

  serveAppProtocol(join(appPath, 'dist', 'renderer'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged)));
  registerHandlers({
    ...appInfoHandlers(),
    ...fileHandlers({
      lastFolderFile: join(userData, 'last-save-folder.json'),
      defaultFolder: () => app.getPath('documents'),
    }),
    ...mailDraftHandlers({
      folder: join(app.getPath('temp'), 'Followthrough mail drafts'),
      openPath: (path) => shell.openPath(path),
    }),
    ...templateHandlers(join(appPath, 'templates')),
    ...networkHandlers({ upstreamFile: join(userData, 'upstream.json') }),
    ...secretHandlers(createSecretStore(join(userData, 'secrets.json'), safeStorage)),
    ...backupHandlers({ folder: join(userData, 'backups') }),
    ...fileDropHandlers(createFileDropFolder({ settingsFile: join(userData, 'file-drop.json') })),
    ...contentProtectionHandlers(),
    ...notificationHandlers(),
    ...unsavedWorkHandlers(unsavedWork),
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  await openWindow();
}

app.enableSandbox();
app.setAppUserModelId('com.followthrough.app');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focus(BrowserWindow.getAllWindows()[0]));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => log.error('Could not start:', error));
}
