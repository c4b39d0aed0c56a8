// The data key at the Electron edge: the renderer's key custody through the real secrets channels
// and store, with safeStorage standing in for the OS keychain. The key reaches the disk only as
// safeStorage's ciphertext, and Linux's fixed-key fallback is refused.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeHandler } from '../../../electron/ipc/register';
import { createSecretStore, secretHandlers, type Encryption } from '../../../electron/ipc/secrets';
import { FollowthroughDatabase } from '../../../renderer/db/database';
import { createRepositories } from '../../../renderer/db/repositories';
import { openAtStart, type ProtectionDeps } from '../../../renderer/db/encryption/data-protection';
import { DEVICE_SECRET, exportRaw } from '../../../renderer/db/encryption/data-key-custody';
import { toBase64 } from '../../../renderer/base64';
import { invokeEventFrom, resetFakeElectron } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const fromApp = invokeEventFrom('app://followthrough/index.html') as never;

/** safeStorage on a machine: really transforms the bytes, and remembers what it was asked to encrypt. */
function fakeSafeStorage(backend: ReturnType<Encryption['getSelectedStorageBackend']>) {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => byte ^ ((57 + index * 13) & 0xff)));
  return {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptString: vi.fn((plain: string) => xor(Buffer.from(plain, 'utf8'))),
    decryptString: vi.fn((blob: Buffer) => xor(blob).toString('utf8')),
  } satisfies Encryption;
}

const temp = useTempFolder('data-key');
beforeEach(() => resetFakeElectron());

function rendererOver(file: string, safeStorage: Encryption, platform: NodeJS.Platform) {
  const handlers = secretHandlers(createSecretStore(file, safeStorage, platform));
  const secrets: ProtectionDeps['secrets'] = {
    getSecret: (input) => invokeHandler('getSecret', handlers.getSecret, fromApp, input),
    setSecret: (input) => invokeHandler('setSecret', handlers.setSecret, fromApp, input),
  };
  const db = new FollowthroughDatabase(`data-key-${crypto.randomUUID()}`);
  const repos = createRepositories(db);
  return { db, repos, deps: { db, settings: repos.settings, secrets, backUpFirst: async () => undefined } };
}

describe('the data key at the Electron edge', () => {
  it('is stored only as safeStorage ciphertext, in neither the secrets file nor the database in clear', async () => {
    const file = join(temp.path, 'secrets.json');
    const safeStorage = fakeSafeStorage('gnome_libsecret');
    const app = rendererOver(file, safeStorage, 'linux');
    expect(await openAtStart(app.deps, false)).toEqual({ state: 'open', by: 'device' });

    const rawKey = toBase64(await exportRaw(app.db.keyring.key!));
    expect(safeStorage.encryptString).toHaveBeenCalledWith(rawKey);
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(rawKey);
    const stored = JSON.parse(onDisk) as { secrets: Record<string, string> };
    expect(safeStorage.decryptString(Buffer.from(stored.secrets[DEVICE_SECRET], 'base64'))).toBe(rawKey);
    const settings = JSON.stringify(await app.db.settings.toArray());
    expect(settings).not.toContain(rawKey);
    app.db.close();
  });

  it("refuses Linux's fixed-key fallback: the notes then wait for a passcode to be encrypted", async () => {
    const file = join(temp.path, 'secrets.json');
    const safeStorage = fakeSafeStorage('basic_text');
    const app = rendererOver(file, safeStorage, 'linux');
    expect(await openAtStart(app.deps, false)).toMatchObject({
      state: 'unprotected',
      reason: expect.stringMatching(/no system keyring is running/),
    });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    app.db.close();
  });
});
