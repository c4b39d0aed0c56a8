import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/csp';
import { createSecureWindow } from '../../../electron/window';
import { BrowserWindow, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

function openWindow() {
  const appWindow = createSecureWindow({
    preload: '/opt/followthrough/dist/electron/preload.cjs',
    bounds: { x: 40, y: 60, width: 1280, height: 820 },
    title: 'Followthrough',
  }) as unknown as BrowserWindow;
  return { appWindow, contents: appWindow.webContents, session: appWindow.webContents.session };
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('createSecureWindow', () => {
  it('creates the window with locked-down web preferences', () => {
    const { appWindow } = openWindow();
    expect(BrowserWindow.created).toEqual([appWindow]);
    expect(appWindow.options.webPreferences).toEqual({
      preload: '/opt/followthrough/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    });
    expect(appWindow.options).toMatchObject({
      x: 40,
      y: 60,
      width: 1280,
      height: 820,
      title: 'Followthrough',
      show: false,
    });
  });

  it('shows the window only once its first paint is ready', () => {
    const { appWindow } = openWindow();
    expect(appWindow.show).not.toHaveBeenCalled();
    appWindow.emit('ready-to-show');
    expect(appWindow.show).toHaveBeenCalledOnce();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: stays on the app, blocks everything else',
    (name) => {
      const { contents } = openWindow();
      expect(contents.listenerCount(name)).toBe(1);
      for (const url of [
        'https://evil.example/',
        'https://evil.example/?next=app://followthrough/index.html',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'app://followthrough.evil.example/',
      ]) {
        const event = navigationEvent(url);
        contents.emit(name, event);
        expect(event.preventDefault, url).toHaveBeenCalledOnce();
      }
      expect(console.warn).toHaveBeenCalledWith('[window]', 'Blocked navigation to', 'https://evil.example/');
      const inApp = navigationEvent('app://followthrough/index.html');
      contents.emit(name, inApp);
      expect(inApp.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('refuses to attach a <webview>', () => {
    const { contents } = openWindow();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, { preload: '/evil.js', nodeIntegration: true }, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window and opens checked http(s) links in the browser instead', () => {
    const { contents } = openWindow();
    const open = (url: string) => contents.windowOpenHandler!({ url } as never);
    expect(open('https://www.example.com/article')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.example.com/article');

    shell.openExternal.mockClear();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://followthrough/index.html',
      'https://u:p@example.com/',
      'smb://host/share',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses every permission request and check', () => {
    const { session } = openWindow();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const decide = vi.fn();
      session.permissionRequestHandler!({} as never, permission as never, decide as never, {} as never);
      expect(decide, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(
        session.permissionCheckHandler!(
          null as never,
          permission as never,
          'app://followthrough' as never,
          {} as never,
        ),
      ).toBe(false);
    }
  });

  it('sends the content security policy with every document, replacing any other', () => {
    const { session } = openWindow();
    const respond = vi.fn();
    const details = {
      resourceType: 'mainFrame',
      responseHeaders: { 'content-security-policy': ["default-src * 'unsafe-eval'"], 'Content-Type': ['text/html'] },
    };
    session.headersReceivedListener!(details as never, respond as never);
    expect(respond).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy], 'Content-Type': ['text/html'] },
    });

    respond.mockClear();
    session.headersReceivedListener!({ resourceType: 'subFrame' } as never, respond as never);
    expect(respond).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });

  it('leaves the headers of other responses (API calls, images) alone', () => {
    const { session } = openWindow();
    const respond = vi.fn();
    const responseHeaders = { 'Content-Type': ['application/json'] };
    session.headersReceivedListener!({ resourceType: 'xhr', responseHeaders } as never, respond as never);
    expect(respond).toHaveBeenCalledExactlyOnceWith({ responseHeaders });
  });
});
