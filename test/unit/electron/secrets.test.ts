import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeHandler } from '../../../electron/ipc/register';
import { createSecretStore, secretHandlers, type Encryption } from '../../../electron/ipc/secrets';
import { invokeEventFrom, resetFakeElectron } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

const magic = Buffer.from('FTv1');

/** Stands in for the OS keychain: really transforms the bytes (XOR with a per-"machine" key). */
function fakeKeychain(
  machineKey: number,
  backend: ReturnType<Encryption['getSelectedStorageBackend']> = 'gnome_libsecret',
) {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte, index) => byte ^ ((machineKey + index * 31) & 0xff)));
  return {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptString: vi.fn((plain: string) => Buffer.concat([magic, xor(Buffer.from(plain, 'utf8'))])),
    decryptString: vi.fn((blob: Buffer) => {
      const plain = xor(blob.subarray(magic.length));
      if (!blob.subarray(0, magic.length).equals(magic) || !plain.toString('utf8').startsWith('sk-')) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      return plain.toString('utf8');
    }),
  } satisfies Encryption;
}

const temp = useTempFolder('secrets');
let file: string;
beforeEach(() => {
  resetFakeElectron();
  file = join(temp.path, 'secrets.json');
});

const token = 'sk-live-9f8e7d6c5b4a';

describe('the secret store', () => {
  it('gives back what was saved, also after a restart', async () => {
    await createSecretStore(file, fakeKeychain(42)).set('hub-token', token);
    expect(await createSecretStore(file, fakeKeychain(42)).get('hub-token')).toBe(token);
  });

  it('never writes the plaintext (nor its base64) to the file', async () => {
    await createSecretStore(file, fakeKeychain(42)).set('hub-token', token);
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(token);
    expect(onDisk).not.toContain(Buffer.from(token).toString('base64'));
    expect(onDisk).not.toContain('9f8e7d6c5b4a');
    expect(JSON.parse(onDisk)).toEqual({ version: 1, secrets: { 'hub-token': expect.any(String) } });
  });

  it('answers null for a secret never saved, and forgets one set to null', async () => {
    const store = createSecretStore(file, fakeKeychain(42));
    expect(await store.get('webhook-key')).toBeNull();
    await store.set('webhook-key', 'sk-hook');
    await store.set('hub-token', token);
    await store.set('webhook-key', null);
    expect(await store.get('webhook-key')).toBeNull();
    expect(await store.get('hub-token')).toBe(token);
  });

  it('keeps every secret when many are saved at once', async () => {
    const store = createSecretStore(file, fakeKeychain(7));
    const keys = Array.from({ length: 20 }, (_, index) => `key-${index}`);
    await Promise.all(keys.map((key) => store.set(key, `sk-${key}`)));
    expect(await Promise.all(keys.map((key) => store.get(key)))).toEqual(keys.map((key) => `sk-${key}`));
  });

  it('refuses to store anything when encryption is unavailable', async () => {
    const keychain = { ...fakeKeychain(42), isEncryptionAvailable: vi.fn(() => false) };
    const store = createSecretStore(file, keychain);
    await expect(store.set('hub-token', token)).rejects.toThrow(
      'Secrets cannot be stored safely: the system keychain is not available on this computer',
    );
    await expect(store.get('hub-token')).rejects.toThrow(/keychain is not available/);
    expect(keychain.encryptString).not.toHaveBeenCalled();
    expect(existsSync(file)).toBe(false);
  });

  it("refuses Linux's fixed-key fallback, which is no protection", async () => {
    const store = createSecretStore(file, fakeKeychain(42, 'basic_text'), 'linux');
    await expect(store.set('hub-token', token)).rejects.toThrow(/no system keyring is running/);
    expect(existsSync(file)).toBe(false);
    await createSecretStore(file, fakeKeychain(42, 'basic_text'), 'darwin').set('hub-token', token);
    expect(existsSync(file)).toBe(true);
  });

  it('says so when the keychain changed and a secret cannot be decrypted', async () => {
    await createSecretStore(file, fakeKeychain(42)).set('hub-token', token);
    await expect(createSecretStore(file, fakeKeychain(99)).get('hub-token')).rejects.toThrow(
      'The saved secret "hub-token" can no longer be decrypted (the system keychain changed); please enter it again',
    );
  });

  it('reports a damaged file instead of overwriting it', async () => {
    await writeFile(file, '{ not json');
    await expect(createSecretStore(file, fakeKeychain(42)).set('hub-token', token)).rejects.toThrow(
      'The saved secrets cannot be read: secrets.json is damaged (not valid JSON)',
    );
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});

describe('the secrets channels', () => {
  const fromApp = invokeEventFrom('app://followthrough/index.html') as never;

  it('set and get through the IPC checks', async () => {
    const handlers = secretHandlers(createSecretStore(file, fakeKeychain(42)));
    expect(await invokeHandler('setSecret', handlers.setSecret, fromApp, { key: 'hub-token', value: token })).toEqual({
      ok: true,
      value: true,
    });
    expect(await invokeHandler('getSecret', handlers.getSecret, fromApp, { key: 'hub-token' })).toEqual({
      ok: true,
      value: token,
    });
  });

  it('answers with a clear error result when encryption is unavailable', async () => {
    const keychain = { ...fakeKeychain(42), isEncryptionAvailable: () => false };
    const handlers = secretHandlers(createSecretStore(file, keychain));
    expect(await invokeHandler('setSecret', handlers.setSecret, fromApp, { key: 'hub-token', value: token })).toEqual({
      ok: false,
      error: 'Secrets cannot be stored safely: the system keychain is not available on this computer',
    });
  });
});
