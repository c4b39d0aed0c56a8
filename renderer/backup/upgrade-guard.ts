// Before the app opens its database, it checks which version the stored one is at. When it is
// older than this release's, the database is first opened as it is (Dexie reads its schema from
// IndexedDB, no upgrade runs), backed up through the platform, and closed again; only then does
// the app open it at the current version and let the upgrade() functions run. The backup is
// sealed with the key kept in that database's settings (made there, when it has none yet).
import Dexie, { type Table } from 'dexie';
import { errorMessage } from '../../shared/result';
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

export async function backupBeforeUpgrade(
  name: string,
  currentVersion: number,
  deps: Omit<BackupDeps, 'keys'>,
): Promise<UpgradeCheck> {
  if (!(await Dexie.getDatabaseNames()).includes(name)) return { kind: 'no-database' };
  const stored = new Dexie(name);
  try {
    await stored.open();
    const from = Math.floor(stored.verno);
    if (from >= currentVersion) return { kind: 'up-to-date' };
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
