// The webhook's signing secret in the browser version: it survives a reload, encrypted in a
// database of its own, so a sync after the reload still reaches a real receiver signed; nowhere in
// the page's IndexedDB does it appear in plain text; and a secret whose key was cleared asks to be
// entered again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appAndReceiverPerTest } from './app-and-receiver';
import { connectedToWebhook } from './pages/sync-page';
import { screenshotDir } from './screenshots';
import { until } from '../support/until';

const SECRET = 'whsec_e2e-persisted-7c2a91';

const perTest = appAndReceiverPerTest();

/** Every value and key of every IndexedDB database of the page, read raw and written out as text. */
function everythingInIndexedDb(page: Page): Promise<{ databases: string[]; text: string }> {
  return page.evaluate(async () => {
    const decoder = new TextDecoder();
    async function asText(value: unknown): Promise<string> {
      if (value instanceof Blob) return value.text();
      if (value instanceof ArrayBuffer) return decoder.decode(value);
      if (ArrayBuffer.isView(value)) return decoder.decode(value);
      if (value instanceof CryptoKey) return JSON.stringify({ ...value.algorithm, extractable: value.extractable });
      if (value instanceof Map || value instanceof Set) return asText([...value]);
      if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
        const parts = await Promise.all(
          Object.entries(value).map(async ([key, inner]) => `${key}=${await asText(inner)}`),
        );
        return `{${parts.join(',')}}`;
      }
      return String(value);
    }
    const request = <T>(asked: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        asked.onsuccess = () => resolve(asked.result);
        asked.onerror = () => reject(asked.error);
      });

    const names = (await indexedDB.databases()).map((database) => database.name!);
    const texts: string[] = [];
    for (const name of names) {
      const db = await request(indexedDB.open(name));
      for (const storeName of db.objectStoreNames) {
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const [values, keys] = await Promise.all([request(store.getAll()), request(store.getAllKeys())]);
        texts.push(`${name}/${storeName}`, await asText(values), await asText(keys));
      }
      db.close();
    }
    return { databases: names, text: texts.join('\n') };
  });
}

/** The secret store's key, as the page sees it: non-extractable, and refusing to be exported. */
function storedKey(page: Page): Promise<{ extractable: boolean; exportRefused: boolean }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const opened = indexedDB.open('followthrough-secrets');
      opened.onsuccess = () => resolve(opened.result);
      opened.onerror = () => reject(opened.error);
    });
    const [stored] = await new Promise<{ key: CryptoKey }[]>((resolve, reject) => {
      const all = db.transaction('keys', 'readonly').objectStore('keys').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    const exportRefused = await crypto.subtle.exportKey('raw', stored.key).then(
      () => false,
      () => true,
    );
    return { extractable: stored.key.extractable, exportRefused };
  });
}

type SecretStoreChange = 'damage-secrets' | 'clear-keys';

/** Damages what the web secret store keeps in the page: every secret's ciphertext but the notes'
 * own key, or the store's key (as a partial clearing of site data would). */
function changeSecretStore(page: Page, change: SecretStoreChange): Promise<void> {
  return page.evaluate(
    (change) =>
      new Promise<void>((resolve, reject) => {
        const opened = indexedDB.open('followthrough-secrets');
        opened.onerror = () => reject(opened.error);
        opened.onsuccess = () => {
          const db = opened.result;
          const transaction = db.transaction(['keys', 'secrets'], 'readwrite');
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          if (change === 'clear-keys') {
            transaction.objectStore('keys').clear();
            return;
          }
          const secrets = transaction.objectStore('secrets');
          const all = secrets.getAll();
          all.onsuccess = () => {
            for (const secret of all.result as { name: string; ciphertext: ArrayBuffer }[]) {
              if (secret.name === 'data-key') continue;
              new Uint8Array(secret.ciphertext)[0] ^= 0xff;
              secrets.put(secret);
            }
          };
        };
      }),
    change,
  );
}

describe('the signing secret in the browser', () => {
  it('survives a reload, so a sync after it reaches the receiver signed, and is never stored in plain text', async () => {
    const receiver = await perTest.startReceiver({ secret: SECRET, cors: true });
    const app = await perTest.launchApp();
    const { page, shell, sync } = await connectedToWebhook(app, receiver.url, SECRET);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
    await sync.settings().getByPlaceholder('Saved; type to replace').waitFor();
    await sync
      .settings()
      .getByText(
        'The browser version keeps it encrypted in this browser’s storage, under a key that cannot be read out.',
      )
      .waitFor();
    await sync.settings().screenshot({ path: `${screenshotDir}/sync-settings-web-secret.png` });

    const session = await shell.startSessionFor('Amara Okafor');
    await session.addActionByKeyboard({ text: 'Run the commitment review', owner: 'Amara', due: '', verification: '' });
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await until(() => receiver.records.size === 1, 'the action at the receiver');
    expect(receiver.requests.length).toBeGreaterThan(0);
    expect(receiver.requests.every((request) => request.signatureValid)).toBe(true);
    await sync.waitForIndicator('Up to date');

    const stored = await everythingInIndexedDb(page);
    expect(stored.databases).toContain('followthrough-secrets');
    // The dump holds what is stored in clear (a name), and neither the secret nor the action's text.
    expect(stored.text).toContain('Amara Okafor');
    expect(stored.text).not.toContain('Run the commitment review');
    expect(stored.text).not.toContain(SECRET);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(SECRET);
    await expect(storedKey(page)).resolves.toEqual({ extractable: false, exportRefused: true });
    expect(app.consoleErrors).toEqual([]);
  });

  it('asks for the secret again when it can no longer be decrypted, and signs with the one entered', async () => {
    const receiver = await perTest.startReceiver({ secret: SECRET, cors: true });
    const app = await perTest.launchApp();
    const { page, sync } = await connectedToWebhook(app, receiver.url, SECRET, { withParticipant: false });

    // The secret's ciphertext is damaged while the key stays (the notes' own key is kept there too).
    await changeSecretStore(page, 'damage-secrets');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByText(/can no longer be decrypted in this browser .*\. Enter it again in Sync settings/)
      .first()
      .waitFor();
    await sync.settings().getByPlaceholder('Shared with the receiving side').waitFor();
    await page.screenshot({ path: `${screenshotDir}/sync-secret-key-lost.png`, fullPage: true });

    await sync.connectWebhook(receiver.url, SECRET);
    await sync.sendTestEvent();
    expect(receiver.requests.map((request) => request.signatureValid)).toEqual([true]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('says the notes cannot be opened, and changes nothing, when the browser lost the key store', async () => {
    const app = await perTest.launchApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await changeSecretStore(page, 'clear-keys');
    await page.reload();
    const screen = page.getByRole('alertdialog', { name: 'Followthrough cannot open your notes' });
    await screen.getByText('nothing was changed').waitFor();
    await page.screenshot({ path: `${screenshotDir}/notes-key-lost.png` });
    app.consoleErrors.length = 0;
  });
});
