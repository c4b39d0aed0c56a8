// The PlatformApi when the renderer runs as a plain web page: downloads instead of save dialogs
// and of the file drop's folder, templates fetched from the same origin, and secrets encrypted in
// a database of this origin instead of the keychain.
import type { PlatformApi } from '../../shared/ipc';
import { fileDropNames } from '../../shared/file-drop-files';
import { errorMessage, fail, ok } from '../../shared/result';
import { createWebBackupStore } from '../backup/web-backup-store';
import { createWebNotifications } from './web-notifications';
import { createWebSecretStore } from './web-secret-store';

function download(name: string, data: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Whether anything answers at `url`, read as an opaque answer: the check is about reaching the
 * upstream, and must not fail on an upstream that sends no CORS headers.
 */
async function answersOpaquely(url: string, timeoutMs: number): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** Whether the browser applies its cross-origin rules to a request to `url` from this page. */
const isCrossOrigin = (url: string) => typeof location !== 'undefined' && new URL(url).origin !== location.origin;

/**
 * A request that failed although its address answers: the browser kept the answer from this page,
 * since the receiver does not allow cross-origin requests from it.
 */
function crossOriginRefusal(url: string): string {
  const { host } = new URL(url);
  return `${host} answers, but does not allow cross-origin requests from the web version (${location.origin}), so the browser kept its answer from the app. The receiver must allow them: see "Receivers for the web version" in README. The desktop app does not need this`;
}

export function createWebPlatform(): PlatformApi {
  const secrets = createWebSecretStore();
  // The page cannot hold itself open until a write commits, so it asks the browser to confirm
  // leaving while one is outstanding; staying lets the write finish.
  let unsaved = false;
  if (typeof window !== 'undefined') {
    window.addEventListener('beforeunload', (event) => {
      if (unsaved) event.preventDefault();
    });
  }
  return {
    appInfo: async () =>
      ok({
        name: 'Followthrough',
        version: import.meta.env.VITE_APP_VERSION ?? 'dev',
        platform: 'web',
        desktop: false,
      }),
    saveFile: async ({ suggestedName, data }) => {
      download(suggestedName, data);
      return ok({ saved: true, path: null });
    },
    showInFolder: async () => ok(false),
    openMailDraft: async ({ fileName, data }) => {
      download(fileName, data);
      return ok({ path: null });
    },
    readTemplate: async ({ name }) => {
      try {
        const response = await fetch(`./templates/${encodeURIComponent(name)}`);
        if (!response.ok) return fail(`The bundled template ${name} could not be loaded (HTTP ${response.status})`);
        return ok(new Uint8Array(await response.arrayBuffer()));
      } catch (error) {
        return fail(`The bundled template ${name} could not be loaded: ${errorMessage(error)}`);
      }
    },
    networkStatus: async () => ok({ online: navigator.onLine }),
    httpRequest: async ({ url, method, headers, body, timeoutMs }) => {
      try {
        const signal = AbortSignal.timeout(timeoutMs);
        const response = await fetch(url, { method, headers, body, redirect: 'manual', signal });
        return ok({
          status: response.status,
          headers: Object.fromEntries(response.headers.entries()),
          body: await response.text(),
        });
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        if (timedOut) return fail(`No answer within ${timeoutMs / 1000} s`);
        if (isCrossOrigin(url) && (await answersOpaquely(url, timeoutMs))) return fail(crossOriginRefusal(url));
        return fail(`Network error: ${errorMessage(error)}`);
      }
    },
    checkReachable: async ({ url, timeoutMs }) => ok({ reachable: await answersOpaquely(url, timeoutMs) }),
    // A page's fetch is already held to what the browser and the receiver's CORS allow.
    allowUpstream: async () => ok({ allowed: true }),
    getSecret: ({ key }) => secrets.getSecret(key),
    setSecret: ({ key, value }) => secrets.setSecret(key, value),
    ...createWebBackupStore(),
    setUnsavedWork: async (input) => {
      unsaved = input.unsaved;
      return ok(null);
    },
    fileDropTarget: async () => ok({ target: 'downloads' }),
    chooseFileDropFolder: async () => ok({ target: 'downloads' }),
    writeFileDrop: async ({ week, csv, jsonl }) => {
      const names = fileDropNames(week);
      download(names.csv, csv);
      download(names.jsonl, jsonl);
      return ok({ folder: null, names: [names.csv, names.jsonl] });
    },
    setContentProtection: async () => ok(false),
    ...createWebNotifications(),
  };
}
