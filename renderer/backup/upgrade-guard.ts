// Before the app opens its database, it checks which version the stored one is at. When it is
// older than this release's, the database is first opened as it is (Dexie reads its schema from
// IndexedDB, no upgrade runs), backed up through the platform, and closed again; only then does
// the app open it at the current version and let the upgrade() functions run. The backup is
// sealed with the key kept in that database's settings (made there, when it has none yet). A
// database whose notes are sealed is read through the data key, so the backup holds the notes
// under its own key alone and restores on any computer; without the data key it is not taken.
import Dexie, { type Table } from 'dexie';
import type { PlatformApi } from '../../shared/ipc';
import { errorMessage } from '../../shared/result';
import { readCustody } from '../db/encryption/data-key-custody';
import { readFromDevice } from '../db/encryption/data-protection';
import { encryptionMiddleware } from '../db/encryption/encryption-middleware';
import { sealingKeyring } from '../db/encryption/keyring';
import { writeBackup, type BackupDeps } from './backup-service';
import { deviceBackupKeys, type SettingsStore } from './backup-key-setting';

export type UpgradeCheck =
  | { kind: 'no-database' }
  | { kind: 'up-to-date' }
  | { kind: 'backed-up'; from: number; file: string | null }
  | { kind: 'backup-failed'; from: number; error: string };

/** The settings table of a database opened as it is stored, without the app's repositories. */
function storedSettings(settings: Table<{ key: string; value: unknown }, string>): SettingsStore {
  return {
    value: async (key) => (await settings.get(key))?.value,
    update: (key, change) =>
      settings.db.transaction('rw', settings, async () => {
        const next = change((await settings.get(key))?.value);
        await settings.put({ key, value: next });
        return next;
      }),
  };
}

export type UpgradeDeps = Omit<BackupDeps, 'keys'> & { secrets: Pick<PlatformApi, 'getSecret'> };

/** The key the stored notes are sealed with: null when they are not sealed, a message when it cannot be had. */
async function storedDataKey(
  settings: SettingsStore,
  secrets: UpgradeDeps['secrets'],
): Promise<CryptoKey | null | string> {
  const custody = await readCustody(settings);
  if (!custody?.sealedAll) return null;
  if (custody.protection.by === 'passcode')
    return 'Your notes are encrypted under your app lock’s passcode, which has not been entered yet, so they cannot be read to back them up';
  return readFromDevice(secrets);
}

/** The stored database reopened as it is, reading its sealed records with `key`. */
async function openedWith(name: string, key: CryptoKey): Promise<Dexie> {
  const opened = new Dexie(name);
  opened.use(encryptionMiddleware(sealingKeyring(key)));
  await opened.open();
  return opened;
}

export async function backupBeforeUpgrade(
  name: string,
  currentVersion: number,
  deps: UpgradeDeps,
): Promise<UpgradeCheck> {
  if (!(await Dexie.getDatabaseNames()).includes(name)) return { kind: 'no-database' };
  let stored = new Dexie(name);
  try {
    await stored.open();
    const from = Math.floor(stored.verno);
    if (from >= currentVersion) return { kind: 'up-to-date' };
    const settings = storedSettings(stored.table('settings'));
    const key = await storedDataKey(settings, deps.secrets);
    if (typeof key === 'string') return { kind: 'backup-failed', from, error: key };
    if (key) {
      stored.close();
      stored = await openedWith(name, key);
    }
    const keys = deviceBackupKeys(storedSettings(stored.table('settings')));
    const written = await writeBackup(stored, 'pre-upgrade', { ...deps, keys });
    return written.ok
      ? { kind: 'backed-up', from, file: written.value?.name ?? null }
      : { kind: 'backup-failed', from, error: written.error };
  } catch (error) {
    return { kind: 'backup-failed', from: Math.floor(stored.verno), error: errorMessage(error) };
  } finally {
    stored.close();
  }
}
