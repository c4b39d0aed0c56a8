// Automatic backups when the app runs as a web page, where there is no backups folder: they are
// kept in a separate IndexedDB database of this origin, with the same names and the same
// retention as on desktop. They guard against a bad restore or upgrade, not against the browser
// losing its storage; "Export everything" downloads a file for that.
import Dexie, { type EntityTable } from 'dexie';
import type { PlatformApi } from '../../shared/ipc';
import {
  backupFileName,
  backupsToKeep,
  MAX_BACKUP_BYTES,
  tooLargeMessage,
  type BackupFile,
} from '../../shared/backup-files';
import { errorMessage, fail, ok } from '../../shared/result';

type StoredBackup = BackupFile & { data: Uint8Array<ArrayBuffer> };

export const WEB_BACKUPS_DATABASE = 'followthrough-backups';

class WebBackupDatabase extends Dexie {
  files!: EntityTable<StoredBackup, 'name'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'name, createdAt' });
  }
}

export type WebBackupStore = Pick<PlatformApi, 'writeBackup' | 'listBackups' | 'readBackup' | 'openBackupFolder'>;

export function createWebBackupStore(name = WEB_BACKUPS_DATABASE, now: () => number = Date.now): WebBackupStore {
  const db = new WebBackupDatabase(name);
  const describe = ({ data: _data, ...file }: StoredBackup): BackupFile => file;

  return {
    writeBackup: async ({ kind, data }) => {
      try {
        const createdAt = now();
        const file: BackupFile = { name: backupFileName(kind, createdAt), kind, createdAt, sizeBytes: data.length };
        const removed = await db.transaction('rw', db.files, async () => {
          await db.files.put({ ...file, data });
          const all = await db.files.toArray();
          const keep = backupsToKeep(all, createdAt);
          const gone = all.filter((stored) => !keep.has(stored.name)).map((stored) => stored.name);
          await db.files.bulkDelete(gone);
          return gone.length;
        });
        return ok({ file, removed });
      } catch (error) {
        return fail(`The backup could not be stored in this browser: ${errorMessage(error)}`);
      }
    },
    listBackups: async () => {
      const all = await db.files.orderBy('createdAt').reverse().toArray();
      return ok(all.map(describe));
    },
    readBackup: async ({ name: fileName }) => {
      const stored = await db.files.get(fileName);
      if (!stored) return fail(`The backup ${fileName} is no longer stored in this browser`);
      if (stored.data.length > MAX_BACKUP_BYTES) return fail(tooLargeMessage(stored.data.length));
      return ok(stored.data);
    },
    openBackupFolder: async () => ok(false),
  };
}
