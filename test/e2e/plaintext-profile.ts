// A Chromium profile as an older release left it: every record in clear and no data key. The app
// of this release is made to fill it without a keychain (the browser's secret store refuses to
// open), so it cannot keep a key, stores the demo dataset in clear and says so; opened normally
// afterwards, it seals that database as it would an older release's.
import type { BrowserContext } from 'playwright-core';

/** Run in the page before the app: the web secret store's database cannot be opened. */
export function noKeychainInPage(): void {
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name: string, version?: number) => {
    if (name === 'followthrough-secrets') throw new DOMException('No keychain here', 'SecurityError');
    return open(name, version);
  };
}

export async function withoutKeychain(context: BrowserContext): Promise<void> {
  await context.addInitScript(noKeychainInPage);
}

export type StoredSealing = { sealed: number; clear: number; sealedAll: boolean | null };

/** How the app's sessions are stored, read raw from a page of the app's origin that runs no app. */
export async function storedSealing(context: BrowserContext, appUrl: string): Promise<StoredSealing> {
  const page = await context.newPage();
  const inspect = new URL('/__inspect', appUrl).href;
  await page.route(inspect, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>inspect</title>' }),
  );
  await page.goto(inspect);
  const found = await page.evaluate(
    () =>
      new Promise<StoredSealing>((resolve, reject) => {
        const open = indexedDB.open('followthrough');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction(['sessions', 'settings']);
          const sessions = transaction.objectStore('sessions').getAll();
          const custody = transaction.objectStore('settings').get('encryption.data-key');
          transaction.oncomplete = () => {
            const rows = sessions.result as Record<string, unknown>[];
            const value = (custody.result as { value?: { sealedAll?: boolean } } | undefined)?.value;
            db.close();
            resolve({
              sealed: rows.filter((row) => 'sealed' in row).length,
              clear: rows.filter((row) => 'reality' in row).length,
              sealedAll: value?.sealedAll ?? null,
            });
          };
        };
      }),
  );
  await page.close();
  return found;
}
