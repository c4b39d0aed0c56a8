// The capability handlers behind the IPC channels: app info, files, templates, network.
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appInfoHandlers } from '../../../electron/ipc/app-info';
import { fileHandlers } from '../../../electron/ipc/files';
import { networkHandlers } from '../../../electron/ipc/network';
import { closedPortUrl } from '../../support/closed-port';
import { invokeHandler } from '../../../electron/ipc/register';
import { templateHandlers } from '../../../electron/ipc/templates';
import { BrowserWindow, dialog, invokeEventFrom, net, resetFakeElectron, shell } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const fromApp = invokeEventFrom('app://followthrough/index.html') as never;

const temp = useTempFolder('capabilities');
beforeEach(resetFakeElectron);

describe('app info', () => {
  it('names the app, its version and the platform, as a desktop app', async () => {
    const { appInfo } = appInfoHandlers();
    expect(await invokeHandler('appInfo', appInfo, fromApp, undefined)).toEqual({
      ok: true,
      value: { name: 'Followthrough', version: '0.1.0-test', platform: process.platform, desktop: true },
    });
  });
});

describe('files', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff]);
  const request = {
    suggestedName: 'Session-Summary.docx',
    data: bytes,
    filters: [{ name: 'Word', extensions: ['docx'] }],
  };

  function handlers() {
    const lastFolderFile = join(temp.path, 'userData', 'last-save-folder.json');
    return fileHandlers({ lastFolderFile, defaultFolder: () => join(temp.path, 'Documents') });
  }

  it('saves the bytes where the coach chose, then opens there next time', async () => {
    const exports = join(temp.path, 'exports');
    await mkdir(exports);
    const { saveFile } = handlers();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(exports, 'Summary.docx') });
    expect(await invokeHandler('saveFile', saveFile, fromApp, request)).toEqual({
      ok: true,
      value: { saved: true, path: join(exports, 'Summary.docx') },
    });
    expect(new Uint8Array(await readFile(join(exports, 'Summary.docx')))).toEqual(bytes);
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith({
      defaultPath: join(temp.path, 'Documents', 'Session-Summary.docx'),
      filters: request.filters,
    });

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await invokeHandler('saveFile', handlers().saveFile, fromApp, request)).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ defaultPath: join(exports, 'Session-Summary.docx') }),
    );
  });

  it('parents the dialog to the window that asked', async () => {
    const appWindow = new BrowserWindow({});
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await handlers().saveFile(request, { sender: appWindow.webContents } as never);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(appWindow, expect.any(Object));
  });

  it('keeps a suggested name a plain file name', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await handlers().saveFile({ ...request, suggestedName: '../../.ssh/Jo: "notes".docx' }, fromApp);
    const { defaultPath } = dialog.showSaveDialog.mock.calls[0][0] as { defaultPath: string };
    expect(dirname(defaultPath)).toBe(join(temp.path, 'Documents'));
    expect(defaultPath).toBe(join(temp.path, 'Documents', '-..-.ssh-Jo- -notes-.docx'));
  });

  it('reports a save that fails with the file name', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(temp.path, 'missing', 'Summary.docx'),
    });
    const result = await invokeHandler('saveFile', handlers().saveFile, fromApp, request);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Could not save Summary\.docx: ENOENT/) });
  });

  it('reveals an existing local file, and nothing else', async () => {
    const { showInFolder } = handlers();
    const saved = join(temp.path, 'Summary.docx');
    await writeFile(saved, 'x');
    expect(await invokeHandler('showInFolder', showInFolder, fromApp, { path: saved })).toEqual({
      ok: true,
      value: true,
    });
    expect(shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith(saved);
    for (const path of [
      'Summary.docx',
      join(temp.path, 'gone.docx'),
      '//attacker.example/share/x.docx',
      '\\\\attacker.example\\share',
    ]) {
      expect(await invokeHandler('showInFolder', showInFolder, fromApp, { path })).toEqual({ ok: true, value: false });
    }
    expect(shell.showItemInFolder).toHaveBeenCalledOnce();
  });
});

describe('templates', () => {
  it('reads a bundled template by name', async () => {
    await writeFile(join(temp.path, 'Session-Summary.docx'), new Uint8Array([1, 2, 3]));
    const { readTemplate } = templateHandlers(temp.path);
    const result = await invokeHandler('readTemplate', readTemplate, fromApp, { name: 'Session-Summary.docx' });
    expect(result.ok && [...result.value]).toEqual([1, 2, 3]);
  });

  it('says the installation is incomplete when a template is missing', async () => {
    const { readTemplate } = templateHandlers(temp.path);
    expect(
      await invokeHandler('readTemplate', readTemplate, fromApp, { name: 'Accountability-Contract.xlsx' }),
    ).toEqual({
      ok: false,
      error:
        'The bundled template Accountability-Contract.xlsx is missing from this installation; reinstall Followthrough to restore it',
    });
  });

  it('reads only the templates of the list', async () => {
    await writeFile(join(temp.path, 'other.txt'), 'private');
    const { readTemplate } = templateHandlers(temp.path);
    const result = await invokeHandler('readTemplate', readTemplate, fromApp, { name: 'other.txt' });
    expect(result.ok).toBe(false);
  });
});

describe('network', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') return; // never answers
      if (request.url === '/refuses') return response.writeHead(405).end();
      if (request.url === '/moved') return response.writeHead(301, { Location: '/sync' }).end();
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        response.writeHead(201, { 'Content-Type': 'application/json', 'X-Upstream': 'hub' });
        response.end(JSON.stringify({ method: request.method, auth: request.headers.authorization, body }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });

  /** The handlers with `url`'s origin saved as the upstream, as the coach's save of Sync settings does. */
  async function networkTo(url: string) {
    const network = networkHandlers({ upstreamFile: join(temp.path, 'upstream.json'), confirm: async () => true });
    await network.allowUpstream({ url }, fromApp);
    return network;
  }

  it('reports whether the computer is online', async () => {
    net.isOnline.mockReturnValueOnce(false);
    expect(await invokeHandler('networkStatus', (await networkTo(base)).networkStatus, fromApp, undefined)).toEqual({
      ok: true,
      value: { online: false },
    });
  });

  it('sends a request and returns status, headers and body', async () => {
    const result = await invokeHandler('httpRequest', (await networkTo(base)).httpRequest, fromApp, {
      url: `${base}/sync`,
      method: 'POST',
      headers: { Authorization: 'Bearer sk-1' },
      body: '{"changes":[]}',
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { status: 201, headers: { 'content-type': 'application/json', 'x-upstream': 'hub' } },
    });
    expect(result.ok && JSON.parse(result.value.body)).toEqual({
      method: 'POST',
      auth: 'Bearer sk-1',
      body: '{"changes":[]}',
    });
  });

  const postToMovedAddress = async () =>
    invokeHandler('httpRequest', (await networkTo(base)).httpRequest, fromApp, {
      url: `${base}/moved`,
      method: 'POST',
      headers: {},
      body: '{"changes":[]}',
      timeoutMs: 5000,
    });

  it('answers with a redirect instead of following it, so a POST never turns into a GET', async () => {
    const result = await postToMovedAddress();
    expect(result).toMatchObject({ ok: true, value: { status: 301, headers: { location: '/sync' } } });
  });

  it("tells of a redirect that Electron's net.fetch refused to follow, as the browser does", async () => {
    // What Electron's net.fetch does with redirect 'manual' (lib/browser/api/net-client-request.ts).
    vi.spyOn(net, 'fetch').mockRejectedValueOnce(new Error('Redirect was cancelled'));
    const result = await postToMovedAddress();
    expect(result).toEqual({ ok: true, value: { status: 0, headers: {}, body: '' } });
  });

  it('gives up after the timeout from the request', async () => {
    const result = await invokeHandler('httpRequest', (await networkTo(base)).httpRequest, fromApp, {
      url: `${base}/slow`,
      method: 'GET',
      headers: {},
      body: null,
      timeoutMs: 150,
    });
    expect(result).toEqual({ ok: false, error: `${new URL(base).host} did not answer within 0.15 s` });
  });

  it('says which host could not be reached', async () => {
    const { url, port } = await closedPortUrl();
    const result = await invokeHandler('httpRequest', (await networkTo(url)).httpRequest, fromApp, {
      url,
      method: 'GET',
      headers: {},
      body: null,
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`)),
    });
  });

  it('counts any answer as reachable, an error status too, and nothing else', async () => {
    const check = async (url: string, timeoutMs = 5000) =>
      invokeHandler('checkReachable', (await networkTo(url)).checkReachable, fromApp, { url, timeoutMs });
    expect(await check(`${base}/sync`)).toEqual({ ok: true, value: { reachable: true } });
    expect(await check(`${base}/refuses`)).toEqual({ ok: true, value: { reachable: true } });
    expect(await check(`${base}/slow`, 150)).toEqual({ ok: true, value: { reachable: false } });
    expect(await check((await closedPortUrl()).url)).toEqual({ ok: true, value: { reachable: false } });
  });
});
