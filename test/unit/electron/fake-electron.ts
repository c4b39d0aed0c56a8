// A stand-in for the `electron` module, which cannot run without the Electron binary. Each test
// file replaces `electron` with it: vi.mock('electron', () => import('./fake-electron')).
// Only what electron/ calls is here, and the fakes record what was asked of them.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  headersReceivedListener: Handler | null = null;
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: Handler) => {
      this.headersReceivedListener = listener;
    },
  };
}

export class FakeWebContents extends EventEmitter {
  session = new FakeSession();
  /** What the main process sent the page, in order. */
  sent: { channel: string; payload: unknown }[] = [];
  send = vi.fn((channel: string, payload: unknown) => void this.sent.push({ channel, payload }));
  isDestroyed = (): boolean => false;
  windowOpenHandler: Handler | null = null;
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  static getAllWindows = (): BrowserWindow[] => BrowserWindow.created.filter((window) => !window.closed);
  static fromWebContents = (contents: unknown): BrowserWindow | null =>
    BrowserWindow.created.find((window) => window.webContents === contents) ?? null;

  webContents = new FakeWebContents();
  closed = false;
  minimized = false;
  maximized = false;
  normalBounds: { x: number; y: number; width: number; height: number };
  show = vi.fn();
  hide = vi.fn();
  destroy = vi.fn(() => {
    this.closed = true;
    this.emit('closed');
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  loadURL = vi.fn(async (_url: string) => undefined);
  setContentProtection = vi.fn((_enabled: boolean) => undefined);

  constructor(public options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Record<string, number>;
    this.normalBounds = { x, y, width, height };
    BrowserWindow.created.push(this);
  }
  isMinimized = (): boolean => this.minimized;
  isMaximized = (): boolean => this.maximized;
  getNormalBounds = () => this.normalBounds;
}

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  showItemInFolder: vi.fn((_path: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
};

const rendererEvents = new EventEmitter();
export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => rendererEvents.on(channel, listener)),
  off: vi.fn((channel: string, listener: (...args: unknown[]) => void) => rendererEvents.off(channel, listener)),
  /** Delivers a message from the main process to the preload's listeners. */
  deliver: (channel: string, payload: unknown) => rendererEvents.emit(channel, {}, payload),
};

/** Electron's Notification: each one made is kept, and `click()` acts as the coach clicking it. */
export class Notification extends EventEmitter {
  static supported = true;
  static created: Notification[] = [];
  static isSupported = () => Notification.supported;
  shown = false;
  constructor(public options: { title: string; body: string }) {
    super();
    Notification.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  click(): void {
    this.emit('click');
  }
}
export const contextBridge = { exposed: new Map<string, unknown>(), exposeInMainWorld: vi.fn() };
contextBridge.exposeInMainWorld.mockImplementation((name: string, api: unknown) =>
  contextBridge.exposed.set(name, api),
);

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() };
export const net = { isOnline: vi.fn(() => true), fetch: (input: string, init?: RequestInit) => fetch(input, init) };

const primaryWorkArea = { x: 0, y: 25, width: 1920, height: 1055 };
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: primaryWorkArea }]),
  getPrimaryDisplay: vi.fn(() => ({ workArea: primaryWorkArea })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

class FakeApp extends EventEmitter {
  paths: Record<string, string> = {};
  appPath = '/app';
  isPackaged = false;
  gotLock = true;
  ready = deferred();
  getName = () => 'Followthrough';
  getVersion = () => '0.1.0-test';
  getAppPath = () => this.appPath;
  getPath = (name: string) => this.paths[name] ?? `/fake/${name}`;
  enableSandbox = vi.fn();
  setAppUserModelId = vi.fn();
  quit = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  whenReady = vi.fn(() => this.ready.promise);
}
export const app = new FakeApp();

export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
  getSelectedStorageBackend: () => 'unknown',
};

/** Forgets everything the fakes recorded and keeps the main-process loggers quiet; call in beforeEach. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation(() => undefined);
  }
  BrowserWindow.created = [];
  Notification.created = [];
  Notification.supported = true;
  ipcMain.handlers.clear();
  contextBridge.exposed.clear();
  app.removeAllListeners();
  Object.assign(app, { paths: {}, appPath: '/app', isPackaged: false, gotLock: true, ready: deferred() });
}

/** The event an IPC handler receives when our app window's main frame calls it. */
export function invokeEventFrom(url: string, { mainFrame = true } = {}) {
  return { sender: new FakeWebContents(), senderFrame: { url, parent: mainFrame ? null : {} } };
}
