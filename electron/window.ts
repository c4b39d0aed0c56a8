// Every window of the app is made here, with one set of secure web preferences and one set of
// guards on its contents: no navigation away from the app, no new windows (http(s) links go to
// the coach's browser after the URL check), no <webview>, no permissions, a strict CSP.
import {
  BrowserWindow,
  shell,
  type BrowserWindowConstructorOptions,
  type Rectangle,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { contentSecurityPolicy } from '../shared/csp';
import { createLogger } from '../shared/logger';
import { isAppUrl, trustedExternalUrl } from './url-check';
import { minimumWindowSize } from './window-state';

const log = createLogger('window');

function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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
  };
}

type NavigationEvent = { url: string; preventDefault: () => void };

function refuseNavigationAwayFromApp(event: NavigationEvent): void {
  if (isAppUrl(event.url)) return;
  event.preventDefault();
  log.warn('Blocked navigation to', event.url);
}

function withContentSecurityPolicy(headers: Record<string, string[]> = {}): Record<string, string[]> {
  const others = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(others), 'Content-Security-Policy': [contentSecurityPolicy] };
}

/** Guards applied to the contents of every window; see the file header. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', refuseNavigationAwayFromApp);
  contents.on('will-frame-navigate', refuseNavigationAwayFromApp);
  contents.on('will-redirect', refuseNavigationAwayFromApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Refused to attach a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = trustedExternalUrl(url);
    if (external === null) log.warn('Refused to open', url);
    else shell.openExternal(external).catch((error: unknown) => log.error('Could not open', external, error));
    return { action: 'deny' };
  });

  const { session } = contents;
  session.setPermissionRequestHandler((_contents, permission, decide) => {
    log.warn('Refused permission', permission);
    decide(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, respond) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    respond({
      responseHeaders: isDocument ? withContentSecurityPolicy(details.responseHeaders) : details.responseHeaders,
    });
  });
}

type SecureWindowOptions = {
  preload: string;
  bounds: Rectangle;
  title: string;
};

/** The only way the app makes a window. */
export function createSecureWindow({ preload, bounds, title }: SecureWindowOptions): BrowserWindow {
  const options: BrowserWindowConstructorOptions = {
    ...bounds,
    title,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    webPreferences: secureWebPreferences(preload),
  };
  const appWindow = new BrowserWindow(options);
  hardenWebContents(appWindow.webContents);
  appWindow.once('ready-to-show', () => appWindow.show());
  return appWindow;
}
