import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeName, channels, events, type ChannelKey, type PlatformApi } from '../../../shared/ipc';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let exposed: PlatformApi;
beforeAll(async () => {
  resetFakeElectron();
  await import('../../../electron/preload');
  exposed = contextBridge.exposed.get(bridgeName) as PlatformApi;
});

const sampleInputs: { [K in ChannelKey]: Parameters<PlatformApi[K]>[0] | undefined } = {
  appInfo: undefined,
  saveFile: { suggestedName: 'a.csv', data: new Uint8Array([1]), filters: [] },
  showInFolder: { path: '/home/coach/a.csv' },
  openMailDraft: { fileName: 'Follow-up.eml', data: new Uint8Array([1]) },
  readTemplate: { name: 'Session-Summary.docx' },
  networkStatus: undefined,
  httpRequest: { url: 'https://hub.example/', method: 'GET', headers: {}, body: null, timeoutMs: 1000 },
  checkReachable: { url: 'https://hub.example/', timeoutMs: 1000 },
  allowUpstream: { url: 'https://hub.example/' },
  getSecret: { key: 'hub-token' },
  setSecret: { key: 'hub-token', value: null },
  writeBackup: { kind: 'daily', data: new Uint8Array([1]) },
  listBackups: undefined,
  readBackup: { name: 'followthrough-2026-11-28T09-30-00-000Z-daily.ftbackup' },
  replaceBackup: { name: 'followthrough-2026-11-28T09-30-00-000Z-daily.ftbackup', data: new Uint8Array([1]) },
  openBackupFolder: undefined,
  fileDropTarget: undefined,
  chooseFileDropFolder: undefined,
  writeFileDrop: { week: '2026-W48', csv: new Uint8Array([1]), jsonl: new Uint8Array([1]) },
  setContentProtection: { enabled: true },
  setUnsavedWork: { unsaved: true, refused: false },
  notificationPermission: { ask: false },
  showNotification: { title: 'Amara at 10:00', body: '1:1', target: { section: 'today', id: null } },
};

const eventMethods = Object.keys(events).map((key) => `on${key[0].toUpperCase()}${key.slice(1)}`);

describe('the preload bridge', () => {
  it('exposes one object, under the bridge name', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith(bridgeName, exposed);
  });

  it('has exactly one method per channel and per event of the contract, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual([...Object.keys(channels), ...eventMethods].sort());
    for (const value of Object.values(exposed)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    expect(Object.values(exposed)).not.toContain(ipcRenderer);
  });

  it.each(Object.keys(channels) as ChannelKey[])('%s invokes its own channel with only its input', async (key) => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: key });
    const input = sampleInputs[key];
    const call = exposed[key] as (input?: unknown, extra?: unknown) => Promise<unknown>;
    expect(await call(input, 'smuggled')).toEqual({ ok: true, value: key });
    const expectedArguments = input === undefined ? [channels[key].channel] : [channels[key].channel, input];
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(...expectedArguments);
  });
});

describe('events from the main process', () => {
  it('passes a notification click on to the page only when its payload has the declared shape', () => {
    const heard: unknown[] = [];
    const stop = exposed.onNotificationClicked((target) => heard.push(target));
    const { channel } = events.notificationClicked;
    const target = { section: 'today', id: '00000000-0000-4000-8000-00000000000a' };
    ipcRenderer.deliver(channel, target);
    ipcRenderer.deliver(channel, { section: 'settings', id: null });
    ipcRenderer.deliver(channel, { ...target, script: 'alert(1)' });
    expect(heard).toEqual([target, target]);
    stop();
    ipcRenderer.deliver(channel, target);
    expect(heard).toHaveLength(2);
  });
});
