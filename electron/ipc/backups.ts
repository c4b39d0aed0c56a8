// The automatic backups in the app's data folder (userData/backups): written atomically, listed
// newest first, read back for a restore, and pruned after each write to the last 14 daily and
// 8 weekly ones (shared/backup-files.ts says exactly which are kept).
import { shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  backupFileName,
  backupsToKeep,
  MAX_BACKUP_BYTES,
  parseBackupFileName,
  tooLargeMessage,
  type BackupFile,
} from '../../shared/backup-files';
import { createLogger } from '../../shared/logger';
import { errorMessage } from '../../shared/result';
import type { IpcHandlers } from './register';

const log = createLogger('backups');

type BackupHandlerOptions = { folder: string; now?: () => number };

export function backupHandlers({
  folder,
  now = Date.now,
}: BackupHandlerOptions): Pick<
  IpcHandlers,
  'writeBackup' | 'listBackups' | 'readBackup' | 'replaceBackup' | 'openBackupFolder'
> {
  async function list(): Promise<BackupFile[]> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`The backups folder could not be read: ${errorMessage(error)}`, { cause: error });
    }
    const files: BackupFile[] = [];
    for (const name of names) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      const { size } = await stat(join(folder, name));
      files.push({ name, ...parsed, sizeBytes: size });
    }
    return files.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Removes what retention lets go; a file that cannot be removed now is tried again next time. */
  async function prune(): Promise<number> {
    const files = await list();
    const keep = backupsToKeep(files, now());
    let removed = 0;
    for (const file of files.filter((candidate) => !keep.has(candidate.name))) {
      try {
        await unlink(join(folder, file.name));
        removed += 1;
      } catch (error) {
        log.warn(`could not remove the old backup ${file.name}:`, error);
      }
    }
    return removed;
  }

  /** Writes beside the file and renames over it, so a backup is always whole: old or new. */
  async function writeWhole(name: string, data: Uint8Array): Promise<void> {
    const temporary = join(folder, `${name}.${randomUUID()}.tmp`);
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, join(folder, name));
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new Error(`The backup could not be written to ${folder}: ${errorMessage(error)}`, { cause: error });
    }
  }

  return {
    writeBackup: async ({ kind, data }) => {
      const createdAt = now();
      const name = backupFileName(kind, createdAt);
      await writeWhole(name, data);
      const removed = await prune();
      return { file: { name, kind, createdAt, sizeBytes: data.length }, removed };
    },
    listBackups: list,
    // The name matched the strict backup-name pattern of shared/ipc.ts, so it cannot leave the folder.
    readBackup: async ({ name }) => {
      const file = join(folder, name);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch (error) {
        throw new Error(`The backup ${name} is no longer in the backups folder`, { cause: error });
      }
      if (size > MAX_BACKUP_BYTES) throw new Error(tooLargeMessage(size));
      return new Uint8Array(await readFile(file));
    },
    replaceBackup: async ({ name, data }) => {
      const existing = (await list()).find((file) => file.name === name);
      if (!existing) throw new Error(`The backup ${name} is no longer in the backups folder`);
      await writeWhole(name, data);
      return { ...existing, sizeBytes: data.length };
    },
    openBackupFolder: async () => {
      await mkdir(folder, { recursive: true });
      const problem = await shell.openPath(folder);
      if (problem) log.warn('could not open the backups folder:', problem);
      return problem === '';
    },
  };
}
