// The main process fetches for the page only at the upstream the coach saved in Sync settings, and
// a new upstream is allowed only once the coach confirms it in a dialog the page cannot answer.
// Real HTTP servers on 127.0.0.1; the dialog is the fake Electron's.
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { networkHandlers } from '../../../electron/ipc/network';
import { invokeHandler } from '../../../electron/ipc/register';
import { channels } from '../../../shared/ipc';
import { dialog, invokeEventFrom, resetFakeElectron } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const fromApp = invokeEventFrom('app://followthrough/index.html') as never;
const temp = useTempFolder('network-upstream');

/** A server that counts what reaches it. */
async function countingServer(): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200).end('ok');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, hits, server };
}

let upstream: Awaited<ReturnType<typeof countingServer>>;
let intranet: Awaited<ReturnType<typeof countingServer>>;
beforeAll(async () => {
  [upstream, intranet] = await Promise.all([countingServer(), countingServer()]);
});
afterAll(async () => {
  for (const { server } of [upstream, intranet]) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
});
beforeEach(() => {
  resetFakeElectron();
  upstream.hits.length = 0;
  intranet.hits.length = 0;
});

const handlers = () => networkHandlers({ upstreamFile: join(temp.path, 'upstream.json') });
const request = (url: string) => ({ url, method: 'GET' as const, headers: {}, body: null, timeoutMs: 5000 });
const coachAnswers = (allow: boolean) =>
  dialog.showMessageBox.mockResolvedValueOnce({ response: allow ? 0 : 1, checkboxChecked: false });

async function allow(network: ReturnType<typeof handlers>, url: string | null) {
  return invokeHandler('allowUpstream', network.allowUpstream, fromApp, { url });
}

describe('requests the page asks the main process to make', () => {
  it('go nowhere before the coach has saved an upstream, and say what to do', async () => {
    const network = handlers();
    const sent = await invokeHandler('httpRequest', network.httpRequest, fromApp, request(`${upstream.url}/v1/me`));
    expect(sent).toEqual({
      ok: false,
      error: expect.stringMatching(/^Followthrough connects only to the address saved in Sync settings/),
    });
    const probed = await invokeHandler('checkReachable', network.checkReachable, fromApp, {
      url: intranet.url,
      timeoutMs: 2000,
    });
    expect(probed.ok).toBe(false);
    expect([...upstream.hits, ...intranet.hits]).toEqual([]);
  });

  it('reach the saved upstream once the coach confirms it, and no other address or port', async () => {
    const network = handlers();
    coachAnswers(true);
    expect(await allow(network, `${upstream.url}/hooks/catch/1`)).toEqual({ ok: true, value: { allowed: true } });
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(JSON.stringify(dialog.showMessageBox.mock.calls[0])).toContain(new URL(upstream.url).host);

    expect(
      await invokeHandler('httpRequest', network.httpRequest, fromApp, request(`${upstream.url}/v1/me`)),
    ).toMatchObject({ ok: true, value: { status: 200 } });
    expect(
      (await invokeHandler('httpRequest', network.httpRequest, fromApp, request(`${intranet.url}/admin`))).ok,
    ).toBe(false);
    expect(
      await invokeHandler('checkReachable', network.checkReachable, fromApp, { url: intranet.url, timeoutMs: 2000 }),
    ).toMatchObject({ ok: false });
    expect(upstream.hits).toEqual(['GET /v1/me']);
    expect(intranet.hits).toEqual([]);
  });

  it('keep the upstream the coach confirmed when they decline a new one, and across restarts', async () => {
    coachAnswers(true);
    await allow(handlers(), upstream.url);
    const restarted = handlers();
    coachAnswers(false);
    expect(await allow(restarted, intranet.url)).toEqual({ ok: true, value: { allowed: false } });
    expect((await invokeHandler('httpRequest', restarted.httpRequest, fromApp, request(intranet.url))).ok).toBe(false);
    expect((await invokeHandler('httpRequest', restarted.httpRequest, fromApp, request(upstream.url))).ok).toBe(true);
    // Saving the same upstream again asks nothing.
    dialog.showMessageBox.mockClear();
    expect(await allow(restarted, `${upstream.url}/v1`)).toEqual({ ok: true, value: { allowed: true } });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(intranet.hits).toEqual([]);
  });

  it('go nowhere once sync is turned off, which needs no confirmation', async () => {
    const network = handlers();
    coachAnswers(true);
    await allow(network, upstream.url);
    dialog.showMessageBox.mockClear();
    expect(await allow(network, null)).toEqual({ ok: true, value: { allowed: true } });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect((await invokeHandler('httpRequest', network.httpRequest, fromApp, request(upstream.url))).ok).toBe(false);
    expect(upstream.hits).toEqual([]);
  });
});

describe('every channel that takes an address from the page', () => {
  it('is one the upstream check covers', () => {
    const takesUrl = Object.entries(channels)
      .filter(([, { input }]) => 'shape' in input && 'url' in (input.shape as object))
      .map(([key]) => key);
    expect(takesUrl.sort()).toEqual(['allowUpstream', 'checkReachable', 'httpRequest']);
  });
});
