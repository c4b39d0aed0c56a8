// Before the app opens its database, it checks which version the stored one is at. When it is
// older than this release's, the database is first opened as it is (Dexie reads its schema from
// IndexedDB, no upgrade runs), backed up through the platform, and closed again; only then does
// the app open it at the current version and let the upgrade() functions run.
import Dexie from 'dexie';
import { errorMessage } from '../../shared/result';
import { writeBackup, type BackupDeps } from './backup-service';

export type UpgradeCheck =
  | { kind: 'no-database' }
  | { kind: 'up-to-date' }
  | { kind: 'backed-up'; from: number; file: string | null }
  | { kind: 'backup-failed'; from: number; error: string };

export async function backupBeforeUpgrade(
  name: string,
  currentVersion: number,
  deps: BackupDeps,
): Promise<UpgradeCheck> {
  if (!(await Dexie.getDatabaseNames()).includes(name)) return { kind: 'no-database' };
  const stored = new Dexie(name);
  try {
    await stored.open();
    const from = Math.floor(stored.verno);
    if (from >= currentVersion) return { kind: 'up-to-date' };
    const written = await writeBackup(stored, 'pre-upgrade', deps);
    return written.ok
      ? { kind: 'backed-up', from, file: written.value?.name ?? null }
      : { kind: 'backup-failed', from, error: written.error };
  } catch (error) {
    return { kind: 'backup-failed', from: Math.floor(stored.verno), error: errorMessage(error) };
  } finally {
    stored.close();
  }
}
