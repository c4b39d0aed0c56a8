// The web's secret store, on fake-indexeddb and Node's own WebCrypto (Node's structured clone
// carries a CryptoKey into IndexedDB as a browser's does): a secret outlives the store that wrote
// it, the database holds only ciphertext and a key that cannot be exported, and a secret whose key
// is gone says to enter it again instead of failing blank. The web platform, loaded afresh as a
// reload would, still has the secret.
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createWebSecretStore, UNREADABLE_SECRET_MESSAGE } from '../../../renderer/platform/web-secret-store';
import { WEBHOOK_SECRET_KEY } from '../../../renderer/sync/settings';

const SECRET = 'whsec_unit-secret-4f1c';

function newDatabaseName() {
  return `secrets-${crypto.randomUUID()}`;
}

async function openRaw(name: string) {
  const raw = new Dexie(name);
  await raw.open();
  return raw;
}

describe('the web secret store', () => {
  it('gives back a secret saved by an earlier page, and forgets one set to null', async () => {
    const name = newDatabaseName();
    await expect(createWebSecretStore(name).setSecret('sync.webhook-secret', SECRET)).resolves.toEqual({
      ok: true,
      value: true,
    });

    const afterReload = createWebSecretStore(name);
    await expect(afterReload.getSecret('sync.webhook-secret')).resolves.toEqual({ ok: true, value: SECRET });
    await expect(afterReload.getSecret('sync.hub-token')).resolves.toEqual({ ok: true, value: null });

    await afterReload.setSecret('sync.webhook-secret', null);
    await expect(createWebSecretStore(name).getSecret('sync.webhook-secret')).resolves.toEqual({
      ok: true,
      value: null,
    });
  });

  it('stores only ciphertext, with a fresh IV each time, under a key that cannot be exported', async () => {
    const name = newDatabaseName();
    const store = createWebSecretStore(name);
    await store.setSecret('sync.webhook-secret', SECRET);
    const raw = await openRaw(name);
    const first = await raw.table('secrets').get('sync.webhook-secret');
    await store.setSecret('sync.webhook-secret', SECRET);
    const second = await raw.table('secrets').get('sync.webhook-secret');
    const [{ key }] = await raw.table('keys').toArray();
    raw.close();

    for (const stored of [first, second]) {
      expect(new TextDecoder().decode(stored.ciphertext)).not.toContain(SECRET);
      expect(stored.iv).toHaveLength(12);
    }
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key).toMatchObject({ extractable: false, algorithm: { name: 'AES-GCM', length: 256 } });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('asks for the secret again when its key was cleared, and takes the new one', async () => {
    const name = newDatabaseName();
    const store = createWebSecretStore(name);
    await store.setSecret('sync.webhook-secret', SECRET);
    const raw = await openRaw(name);
    await raw.table('keys').clear();
    raw.close();

    await expect(store.getSecret('sync.webhook-secret')).resolves.toEqual({
      ok: false,
      error: UNREADABLE_SECRET_MESSAGE,
    });
    expect(UNREADABLE_SECRET_MESSAGE).toMatch(/Enter it again in Sync settings/);

    await store.setSecret('sync.webhook-secret', 'whsec_entered-again');
    await expect(store.getSecret('sync.webhook-secret')).resolves.toEqual({ ok: true, value: 'whsec_entered-again' });
  });

  it('asks for the secret again when its ciphertext does not decrypt under the stored key', async () => {
    const name = newDatabaseName();
    const store = createWebSecretStore(name);
    await store.setSecret('sync.webhook-secret', SECRET);
    await store.setSecret('sync.hub-token', 'fth_unit-token');
    const raw = await openRaw(name);
    const webhook = await raw.table('secrets').get('sync.webhook-secret');
    // A ciphertext moved under another name, as a stale or tampered copy would be.
    await raw.table('secrets').put({ ...webhook, name: 'sync.hub-token' });
    raw.close();

    await expect(store.getSecret('sync.hub-token')).resolves.toEqual({ ok: false, error: UNREADABLE_SECRET_MESSAGE });
    await expect(store.getSecret('sync.webhook-secret')).resolves.toEqual({ ok: true, value: SECRET });
  });
});

describe('the web platform', () => {
  it('still has the signing secret after the page reloads', async () => {
    const page = (await import('../../../renderer/platform/web')).createWebPlatform();
    await page.setSecret({ key: WEBHOOK_SECRET_KEY, value: SECRET });

    vi.resetModules();
    const reloaded = (await import('../../../renderer/platform/web')).createWebPlatform();
    await expect(reloaded.getSecret({ key: WEBHOOK_SECRET_KEY })).resolves.toEqual({ ok: true, value: SECRET });
  });
});
