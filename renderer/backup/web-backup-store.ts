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

type StoredContent = { name: string; data: Uint8Array<ArrayBuffer> };

const WEB_BACKUPS_DATABASE = 'followthrough-backups';

class WebBackupDatabase extends Dexie {
  /** What each backup is; listing them and applying the retention read only this. */
  files!: EntityTable<BackupFile, 'name'>;
  /** Each backup's bytes, read only to restore it: years of notes make each one megabytes. */
  contents!: EntityTable<StoredContent, 'name'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'name, createdAt' });
    this.version(2)
      .stores({ files: 'name, createdAt', contents: 'name' })
      .upgrade(async (tx) => {
        // Version 1 kept the bytes with the description, so every listing read every backup whole.
        const stored: (BackupFile & { data: Uint8Array<ArrayBuffer> })[] = await tx.table('files').toArray();
        await tx.table('contents').bulkPut(stored.map(({ name, data }) => ({ name, data })));
        await tx.table('files').bulkPut(stored.map(({ data: _data, ...file }) => file));
      });
  }
}

type WebBackupStore = Pick<
  PlatformApi,
  'writeBackup' | 'listBackups' | 'readBackup' | 'replaceBackup' | 'openBackupFolder'
>;

export function createWebBackupStore(name = WEB_BACKUPS_DATABASE, now: () => number = Date.now): WebBackupStore {
  const db = new WebBackupDatabase(name);

  return {
    writeBackup: async ({ kind, data }) => {
      try {
        const createdAt = now();
        const file: BackupFile = { name: backupFileName(kind, createdAt), kind, createdAt, sizeBytes: data.length };
        const removed = await db.transaction('rw', db.files, db.contents, async () => {
          await db.files.put(file);
          await db.contents.put({ name: file.name, data });
          const all = await db.files.toArray();
          const keep = backupsToKeep(all, createdAt);
          const gone = all.filter((stored) => !keep.has(stored.name)).map((stored) => stored.name);
          await Promise.all([db.files.bulkDelete(gone), db.contents.bulkDelete(gone)]);
          return gone.length;
        });
        return ok({ file, removed });
      } catch (error) {
        return fail(`The backup could not be stored in this browser: ${errorMessage(error)}`);
      }
    },
    listBackups: async () => ok(await db.files.orderBy('createdAt').reverse().toArray()),
    readBackup: async ({ name: fileName }) => {
      const file = await db.files.get(fileName);
      if (!file) return fail(`The backup ${fileName} is no longer stored in this browser`);
      if (file.sizeBytes > MAX_BACKUP_BYTES) return fail(tooLargeMessage(file.sizeBytes));
      const stored = await db.contents.get(fileName);
      if (!stored) return fail(`The backup ${fileName} is no longer stored in this browser`);
      return ok(stored.data);
    },
    replaceBackup: async ({ name: fileName, data }) => {
      try {
        const replaced = await db.transaction('rw', db.files, db.contents, async () => {
          const file = await db.files.get(fileName);
          if (!file) return null;
          const updated = { ...file, sizeBytes: data.length };
          await db.files.put(updated);
          await db.contents.put({ name: fileName, data });
          return updated;
        });
        return replaced ? ok(replaced) : fail(`The backup ${fileName} is no longer stored in this browser`);
      } catch (error) {
        return fail(`The backup could not be stored in this browser: ${errorMessage(error)}`);
      }
    },
    openBackupFolder: async () => ok(false),
  };
}
