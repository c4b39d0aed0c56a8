import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/csp';
import {
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  serveAppProtocol,
} from '../../../electron/protocol';
import { protocol, resetFakeElectron } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const temp = useTempFolder('protocol', 'all');
let root: string;
const secret = 'coachee notes that live outside the renderer folder';

beforeAll(async () => {
  root = join(temp.path, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Followthrough</title>');
  await writeFile(join(root, 'assets', 'index-3b2c.js'), 'console.log("app")');
  await writeFile(join(temp.path, 'secret.txt'), secret);
});
beforeEach(resetFakeElectron);

const traversalAttempts = [
  'app://followthrough/../secret.txt',
  'app://followthrough/assets/../../secret.txt',
  'app://followthrough/./index.html',
  'app://followthrough/%2e%2e/secret.txt',
  'app://followthrough/%2E%2E/secret.txt',
  'app://followthrough/.%2e/secret.txt',
  'app://followthrough/%2e./secret.txt',
  'app://followthrough/..%2fsecret.txt',
  'app://followthrough/..%2Fsecret.txt',
  'app://followthrough/assets%2f..%2f..%2fsecret.txt',
  'app://followthrough/%2e%2e%2fsecret.txt',
  'app://followthrough/..%5csecret.txt',
  'app://followthrough/..%5Csecret.txt',
  'app://followthrough/..\\secret.txt',
  'app://followthrough/assets\\..\\..\\secret.txt',
  'app://followthrough/index.html%00.png',
  'app://followthrough/secret.txt\0',
  'app://followthrough//etc/passwd',
  'app://followthrough/%2fetc/passwd',
  'app://followthrough/C:/Windows/win.ini',
  'app://followthrough/%',
  'app://followthrough/%E0%A4%A',
];

const foreignUrls = [
  'app://evil.example/index.html',
  'app://followthrough.evil.example/index.html',
  'https://followthrough/index.html',
  'file:///etc/passwd',
  'app://followthrough',
];

describe('resolveAppPath', () => {
  it.each([
    ['app://followthrough/', 'index.html'],
    ['app://followthrough/index.html', 'index.html'],
    ['app://followthrough/index.html?x=1#/sessions', 'index.html'],
    ['app://followthrough/assets/index-3b2c.js', join('assets', 'index-3b2c.js')],
    ['app://followthrough/Session%20Summary.docx', 'Session Summary.docx'],
  ])('maps %s inside the folder', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(join(root, relative));
  });

  it.each([...traversalAttempts, ...foreignUrls])('refuses %j', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('keeps a double-encoded dot a literal name inside the folder instead of decoding it twice', () => {
    expect(resolveAppPath(root, 'app://followthrough/%252e%252e/secret.txt')).toBe(join(root, '%2e%2e', 'secret.txt'));
  });

  it('never resolves outside the folder, whatever the path', () => {
    const pieces = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E.',
      '.%2e',
      '..%2f',
      '%2f',
      '%5c',
      '\\',
      '%00',
      '%25',
      'a',
      'index.html',
      '',
    );
    const anyPath = fc.oneof(
      fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('/')),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(anyPath, (path) => {
        const file = resolveAppPath(root, `app://followthrough/${path}`);
        expect(file === null || file.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the app:// handler', () => {
  const handle = (url: string, method = 'GET') => createAppProtocolHandler(root)({ url, method } as Request);

  it('serves the renderer with the content security policy', async () => {
    const response = await createAppProtocolHandler(root)(new Request('app://followthrough/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Followthrough</title>');
  });

  it('serves scripts with a script content type', async () => {
    const response = await handle('app://followthrough/assets/index-3b2c.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("app")');
  });

  it.each(traversalAttempts)('answers 400 to %j and never sends the file outside', async (url) => {
    const response = await handle(url);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(secret);
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await handle('app://followthrough/missing.js')).status).toBe(404);
    expect((await handle('app://followthrough/assets')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle('app://followthrough/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handle('app://followthrough/index.html', 'POST')).status).toBe(405);
  });
});

describe('registering the scheme', () => {
  it('declares app:// standard and secure, so the renderer has one fixed origin with IndexedDB', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
  });

  it('handles app:// with the traversal-refusing handler for the given folder', async () => {
    serveAppProtocol(root);
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler(new Request('app://followthrough/index.html'))).status).toBe(200);
    expect((await handler({ url: 'app://followthrough/..%2fsecret.txt', method: 'GET' } as Request)).status).toBe(400);
  });
});
