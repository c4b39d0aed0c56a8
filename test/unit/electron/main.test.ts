// main.ts only wires modules together; these tests check that the wiring happens, in order.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../shared/ipc';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const temp = useTempFolder('main');
beforeEach(() => vi.resetModules());

/** Loads main.ts against a fresh fake Electron, as if the app were launched. */
async function launch({ gotLock = true } = {}) {
  // The instance main.ts will receive: the mocked `electron`, re-created by resetModules.
  const electron = (await import('electron')) as unknown as typeof import('./fake-electron');
  electron.resetFakeElectron();
  Object.assign(electron.app, { gotLock, appPath: temp.path, paths: { userData: join(temp.path, 'userData') } });
  await import('../../../electron/main');
  return electron;
}

describe('main', () => {
  it('sandboxes every renderer and registers the app:// scheme before the app is ready', async () => {
    const { app, protocol } = await launch();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(protocol.handle).not.toHaveBeenCalled();
  });

  it('quits at once when another instance already runs', async () => {
    const { app, BrowserWindow } = await launch({ gotLock: false });
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toEqual([]);
  });

  it('once ready: serves app://, sets the menu, registers every channel, opens the window on the app', async () => {
    const { app, protocol, Menu, ipcMain, BrowserWindow } = await launch();
    app.ready.resolve();
    await vi.waitFor(() => expect(BrowserWindow.created[0]?.loadURL).toHaveBeenCalled());
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      Object.values(channels)
        .map((c) => c.channel)
        .sort(),
    );
    const [mainWindow] = BrowserWindow.created;
    expect(mainWindow.loadURL).toHaveBeenCalledWith('app://followthrough/index.html');
    expect(mainWindow.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      preload: join(temp.path, 'dist', 'electron', 'preload.cjs'),
    });
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const { app, BrowserWindow } = await launch();
    app.ready.resolve();
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const [mainWindow] = BrowserWindow.created;
    mainWindow.minimized = true;
    app.emit('second-instance');
    expect(mainWindow.restore).toHaveBeenCalledOnce();
    expect(mainWindow.focus).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { app } = await launch();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
