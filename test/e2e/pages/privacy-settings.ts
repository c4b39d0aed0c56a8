// Page object for Settings → Backups, Retention and App lock, and for reading the app's
// IndexedDB directly, to compare what is stored before and after.
import type { Page } from 'playwright-core';
import { readStore } from '../records';

export type StoredState = { counts: Record<string, number>; participantIds: string[] };

export class PrivacySettings {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await this.backups().waitFor();
  }

  backups() {
    return this.page.getByRole('region', { name: 'Backups' });
  }

  retention() {
    return this.page.getByRole('region', { name: 'Retention' });
  }

  lock() {
    return this.page.getByRole('region', { name: 'App lock' });
  }

  /** Types a new passcode twice, as the form asks, and asks to turn the app lock on. */
  async submitPasscode(passcode: string) {
    const lock = this.lock();
    await lock.getByLabel('New passcode').fill(passcode);
    await lock.getByLabel('Repeat it').fill(passcode);
    await lock.getByRole('button', { name: 'Turn on the app lock' }).click();
  }

  /** Turns the app lock on with this passcode and waits until it is on. */
  async turnOnLock(passcode: string) {
    await this.submitPasscode(passcode);
    await this.lock()
      .getByRole('button', { name: /^Lock now/ })
      .waitFor();
  }

  preview() {
    return this.page.getByRole('region', { name: 'Restore preview' });
  }

  /** Restores the backup in the preview and waits for the app, reloaded on it, to say so. */
  async restoreChosen() {
    await this.preview()
      .getByRole('button', { name: /^Restore [\d,]+ records$/ })
      .click();
    await this.backups()
      .getByText(/^Restored the backup of/)
      .waitFor({ timeout: 60_000 });
  }

  /** How backups are encrypted: the notice, the recovery key or passphrase choices. */
  encryption() {
    return this.page.getByRole('group', { name: 'Backup encryption' });
  }

  /** The question for a backup's recovery key or passphrase, when this computer does not hold its key. */
  unlock() {
    return this.page.getByRole('form', { name: 'Open the backup' });
  }

  /** Types the key into the question and waits for the preview or for the message beside the field. */
  async typeBackupKey(typed: string) {
    await this.unlock().locator('input').fill(typed);
    await this.unlock().getByRole('button', { name: 'Open the backup' }).click();
    await this.page
      .locator('[aria-label="Restore preview"], [aria-label="Open the backup"] [role="alert"]')
      .first()
      .waitFor({ timeout: 30_000 });
  }

  /** Picks a backup file to restore and waits for the preview, the question for its key, or the refusal. */
  async chooseFile(path: string) {
    await this.backups().getByLabel('Backup file to restore').setInputFiles(path);
    await this.page
      .locator('[aria-label="Restore preview"], [aria-label="Open the backup"], [aria-label="Backups"] [role="alert"]')
      .first()
      .waitFor();
  }

  refusal() {
    return this.backups().getByRole('alert');
  }

  /** The participants' names, read with IndexedDB itself. */
  async participantNames(): Promise<string[]> {
    const participants = await readStore<{ name: string }[]>(this.page, { store: 'participants', read: 'getAll' });
    return participants.map((participant) => participant.name);
  }

  /** Every store's record count and the participants' ids, read with IndexedDB itself. */
  async storedState(): Promise<StoredState> {
    return this.page.evaluate(
      () =>
        new Promise<StoredState>((resolve, reject) => {
          const request = indexedDB.open('followthrough');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const names = Array.from(db.objectStoreNames);
            const transaction = db.transaction(names, 'readonly');
            const counts: Record<string, number> = {};
            let participantIds: string[] = [];
            for (const name of names) {
              const store = transaction.objectStore(name);
              store.count().onsuccess = (event) => (counts[name] = (event.target as IDBRequest<number>).result);
              if (name === 'participants') {
                store.getAllKeys().onsuccess = (event) =>
                  (participantIds = ((event.target as IDBRequest<IDBValidKey[]>).result as string[]).sort());
              }
            }
            transaction.oncomplete = () => {
              db.close();
              resolve({ counts, participantIds });
            };
          };
        }),
    );
  }
}
