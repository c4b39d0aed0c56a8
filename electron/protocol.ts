// The app:// protocol that serves the built renderer (dist/renderer). A privileged, standard,
// secure scheme gives the renderer one fixed origin (app://followthrough), so IndexedDB stays in
// the same place across updates, and the handler never serves a file outside its folder.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentTypeOf } from '../shared/content-types';
import { contentSecurityPolicy } from '../shared/csp';
import { appOrigin, appScheme } from './app-origin';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

// Percent-encoded dots, slashes, backslashes and NUL are refused outright rather than decoded:
// no file the app ships needs them, and decoding them is how traversal slips past a parser.
const encodedTraversal = /%(2e|2f|5c|00)/i;
const forbiddenCharacters = /[\\\0:]/;

/** The file a request URL names inside `root`, or null when the URL is not ours or would leave `root`. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  const prefix = `${appOrigin}/`;
  if (!requestUrl.startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0];
  if (encodedTraversal.test(rawPath)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (forbiddenCharacters.test(relative)) return null;
  if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const base = resolve(root);
  const file = resolve(base, relative === '' ? 'index.html' : relative);
  return file.startsWith(base + sep) ? file : null;
}

export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppPath(root, request.url);
    if (file === null) return new Response('Bad path', { status: 400 });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

/** Must run after the app is ready. */
export function serveAppProtocol(root: string): void {
  protocol.handle(appScheme, createAppProtocolHandler(root));
}
