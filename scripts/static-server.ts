// Serves the built renderer (dist/renderer) on 127.0.0.1: `npm run web`, the fallback of
// `npm start` where there is no Electron binary, the e2e tests and the benchmarks all use it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { contentTypeOf } from '../shared/content-types';
import { contentSecurityPolicy } from '../shared/csp';

export const defaultWebRoot = resolve(import.meta.dirname, '..', 'dist', 'renderer');

export type StaticServer = { url: string; close: () => Promise<void>; server: Server };

/** Resolves a request path inside `root`, or null when it would escape it. */
function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0]);
  } catch {
    return null;
  }
  const target = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  return target === root || target.startsWith(root + sep) ? target : null;
}

/** Answers one request; every failure becomes a status code, so the promise never rejects. */
async function serveFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const file = resolveInside(root, request.url ?? '/');
  if (!file) {
    response.writeHead(400).end('Bad path');
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    response.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': contentSecurityPolicy,
    });
    response.end(await readFile(file));
  } catch {
    response.writeHead(404).end('Not found');
  }
}

export async function startStaticServer(root = defaultWebRoot, port = 0): Promise<StaticServer> {
  const server = createServer((request, response) => void serveFile(root, request, response));
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
