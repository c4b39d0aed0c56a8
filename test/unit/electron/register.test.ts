import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type ChannelKey } from '../../../shared/ipc';
import { invokeHandler, registerHandlers, type IpcHandlers } from '../../../electron/ipc/register';
import { invokeEventFrom, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const fromApp = invokeEventFrom('app://followthrough/index.html#/settings') as never;
const validSave = { suggestedName: 'Contract.xlsx', data: new Uint8Array([1, 2, 3]), filters: [] };

function fakeHandlers(): IpcHandlers {
  return {
    appInfo: vi.fn(() => ({ name: 'Followthrough', version: '1.0.0', platform: 'linux', desktop: true })),
    saveFile: vi.fn(() => ({ saved: true, path: '/home/coach/Contract.xlsx' })),
    showInFolder: vi.fn(() => true),
    openMailDraft: vi.fn(() => ({ path: '/tmp/Follow-up.eml' })),
    readTemplate: vi.fn(() => new Uint8Array([80, 75])),
    networkStatus: vi.fn(() => ({ online: true })),
    httpRequest: vi.fn(() => ({ status: 200, headers: {}, body: '' })),
    checkReachable: vi.fn(() => ({ reachable: true })),
    allowUpstream: vi.fn(() => ({ allowed: true })),
    getSecret: vi.fn(() => 'token'),
    setSecret: vi.fn(() => true),
    writeBackup: vi.fn(() => ({
      file: {
        name: 'followthrough-2026-11-28T09-30-00-000Z-daily.ftbackup',
        kind: 'daily' as const,
        createdAt: 0,
        sizeBytes: 1,
      },
      removed: 0,
    })),
    listBackups: vi.fn(() => []),
    readBackup: vi.fn(() => new Uint8Array([1])),
    replaceBackup: vi.fn(() => ({
      name: 'followthrough-2026-11-28T09-30-00-000Z-daily.ftbackup',
      kind: 'daily' as const,
      createdAt: 0,
      sizeBytes: 1,
    })),
    openBackupFolder: vi.fn(() => true),
    fileDropTarget: vi.fn(() => ({ target: 'folder' as const, folder: null, problem: null, lastWritten: null })),
    chooseFileDropFolder: vi.fn(() => ({ target: 'downloads' as const })),
    writeFileDrop: vi.fn(() => ({
      folder: '/home/coach/OneDrive',
      names: ['followthrough-actions-2026-W48.csv', 'followthrough-actions-2026-W48.jsonl'],
    })),
    setContentProtection: vi.fn(() => true),
    setUnsavedWork: vi.fn(() => null),
    notificationPermission: vi.fn(() => 'granted' as const),
    showNotification: vi.fn(() => ({ shown: true })),
  };
}

describe('registerHandlers', () => {
  it('registers exactly one handler per channel of the contract', () => {
    registerHandlers(fakeHandlers());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      Object.values(channels)
        .map((c) => c.channel)
        .sort(),
    );
  });

  it('routes each channel to its own handler, through the checks', async () => {
    const handlers = fakeHandlers();
    registerHandlers(handlers);
    const result = await ipcMain.handlers.get('secrets:get')!(fromApp as never, { key: 'hub-token' } as never);
    expect(result).toEqual({ ok: true, value: 'token' });
    expect(handlers.getSecret).toHaveBeenCalledWith({ key: 'hub-token' }, fromApp);
    expect(handlers.setSecret).not.toHaveBeenCalled();
  });
});

describe('invokeHandler', () => {
  it('returns the handler value as an ok result', async () => {
    const handler = vi.fn(() => ({ saved: true, path: '/home/coach/Contract.xlsx' }));
    expect(await invokeHandler('saveFile', handler, fromApp, validSave)).toEqual({
      ok: true,
      value: { saved: true, path: '/home/coach/Contract.xlsx' },
    });
    expect(handler).toHaveBeenCalledWith(validSave, fromApp);
  });

  it.each([
    ['saveFile', { suggestedName: 'x.csv', data: 'not bytes', filters: [] }],
    ['saveFile', { suggestedName: '', data: new Uint8Array(), filters: [] }],
    ['saveFile', null],
    ['readTemplate', { name: '../../../etc/passwd' }],
    ['getSecret', { key: 'Has Spaces And CAPS' }],
    ['setSecret', { key: 'hub-token' }],
    ['httpRequest', { url: 'file:///etc/passwd', method: 'GET', headers: {}, body: null, timeoutMs: 1000 }],
    ['appInfo', { unexpected: true }],
  ] as [ChannelKey, unknown][])(
    'refuses a malformed argument to %s without calling the handler',
    async (key, argument) => {
      const handler = vi.fn();
      const result = await invokeHandler(key, handler, fromApp, argument);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(new RegExp(`^Invalid request to ${channels[key].channel}: `));
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['a web page', invokeEventFrom('https://evil.example/')],
    ['a page that mentions our origin', invokeEventFrom('https://evil.example/?next=app://followthrough/index.html')],
    ['a look-alike app origin', invokeEventFrom('app://followthrough.evil.example/index.html')],
    ['a file page', invokeEventFrom('file:///home/coach/index.html')],
    ['a frame inside our page', invokeEventFrom('app://followthrough/index.html', { mainFrame: false })],
    ['a frame that is gone', { sender: {}, senderFrame: null }],
  ])('refuses a call from %s', async (_name, event) => {
    const handler = vi.fn();
    const result = await invokeHandler('getSecret', handler, event as never, { key: 'hub-token' });
    expect(result).toEqual({ ok: false, error: 'secrets:get is only available to the Followthrough window' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler that throws into an error result with its message', async () => {
    const handler = vi.fn(async () => {
      throw new Error('The disk is full');
    });
    expect(await invokeHandler('saveFile', handler, fromApp, validSave)).toEqual({
      ok: false,
      error: 'The disk is full',
    });
  });

  it('refuses an answer that breaks the channel schema', async () => {
    const handler = vi.fn(() => ({ saved: 'yes', path: 42 }) as never);
    const result = await invokeHandler('saveFile', handler, fromApp, validSave);
    expect(result).toEqual({ ok: false, error: 'files:save produced an invalid answer; please report this' });
  });

  it('answers any argument with a result, calling the handler only when the schema accepts it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (argument) => {
        const handler = vi.fn(() => null);
        const result = await invokeHandler('getSecret', handler, fromApp, argument);
        const valid = channels.getSecret.input.safeParse(argument).success;
        expect(result.ok).toBe(valid);
        expect(handler).toHaveBeenCalledTimes(valid ? 1 : 0);
      }),
    );
  });
});
