// Backups as the app makes them: a snapshot of a database encoded as a backup file, written
// through the platform (the backups folder on desktop, the browser's backup store on the web) or
// saved where the coach chooses ("Export everything").
import type Dexie from 'dexie';
import { format } from 'date-fns';
import type { PlatformApi } from '../../shared/ipc';
import { BACKUP_EXTENSION, type BackupFile, type BackupKind } from '../../shared/backup-files';
import { errorMessage, fail, ok, type Result } from '../../shared/result';
import { encodeBackup, type BackupHeader } from './backup-format';
import type { BackupKeys } from './backup-key-setting';
import type { EncodeRequest } from './backup-worker';
import { readSnapshot } from './snapshot';

export type BackupDeps = {
  platform: Pick<PlatformApi, 'appInfo' | 'writeBackup' | 'listBackups' | 'saveFile'>;
  now: () => number;
  /** The computer's backup keys: every backup is sealed with one. */
  keys: BackupKeys;
  /** How a database becomes a backup file; the app does it in a worker (encode-in-worker.ts). */
  encode?: (db: Dexie, request: EncodeRequest) => Promise<Uint8Array<ArrayBuffer>>;
};

const encodeHere = async (db: Dexie, request: EncodeRequest) => encodeBackup(await readSnapshot(db), request);

export async function encodeDatabase(
  db: Dexie,
  kind: BackupHeader['kind'],
  deps: BackupDeps,
): Promise<Uint8Array<ArrayBuffer>> {
  const info = await deps.platform.appInfo();
  const key = await deps.keys.forNewBackup();
  const request = { appVersion: info.ok ? info.value.version : 'unknown', createdAt: deps.now(), kind, key };
  return (deps.encode ?? encodeHere)(db, request);
}

async function isEmpty(db: Dexie): Promise<boolean> {
  if (!db.isOpen()) await db.open();
  const counts = await Promise.all(db.tables.map((table) => table.count()));
  return counts.every((count) => count === 0);
}

/** Writes an automatic backup; an empty database is not worth one, so the value is then null. */
export async function writeBackup(db: Dexie, kind: BackupKind, deps: BackupDeps): Promise<Result<BackupFile | null>> {
  try {
    if (await isEmpty(db)) return ok(null);
    const written = await deps.platform.writeBackup({ kind, data: await encodeDatabase(db, kind, deps) });
    return written.ok ? ok(written.value.file) : written;
  } catch (error) {
    return fail(`The backup could not be made: ${errorMessage(error)}`);
  }
}

const sameDay = (a: number, b: number) => format(a, 'yyyy-MM-dd') === format(b, 'yyyy-MM-dd');

/** The day's backup, unless one was already made today. */
export async function ensureDailyBackup(db: Dexie, deps: BackupDeps): Promise<Result<BackupFile | null>> {
  const listed = await deps.platform.listBackups();
  if (!listed.ok) return listed;
  const today = deps.now();
  if (listed.value.some((file) => file.kind === 'daily' && sameDay(file.createdAt, today))) return ok(null);
  return writeBackup(db, 'daily', deps);
}

/** "Export everything": one backup file saved where the coach chooses (a download on the web). */
export async function exportEverything(
  db: Dexie,
  deps: BackupDeps,
): Promise<Result<{ saved: boolean; path: string | null }>> {
  try {
    return await deps.platform.saveFile({
      suggestedName: `Followthrough backup ${format(deps.now(), 'yyyy-MM-dd HHmm')}.${BACKUP_EXTENSION}`,
      data: await encodeDatabase(db, 'export', deps),
      filters: [{ name: 'Followthrough backup', extensions: [BACKUP_EXTENSION] }],
    });
  } catch (error) {
    return fail(`The export could not be made: ${errorMessage(error)}`);
  }
}
