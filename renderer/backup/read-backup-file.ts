// A backup file the coach picked (a File from a file input): its size is checked before a byte of
// it is read, so a huge file never reaches memory.
import { MAX_BACKUP_BYTES, tooLargeMessage } from '../../shared/backup-files';
import { errorMessage } from '../../shared/result';
import { problem, type BackupResult } from './backup-format';

export async function readBackupBlob(file: Pick<Blob, 'size' | 'arrayBuffer'>): Promise<BackupResult<Uint8Array>> {
  if (file.size > MAX_BACKUP_BYTES) return problem('too-large', tooLargeMessage(file.size));
  try {
    return { ok: true, value: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    return problem('damaged', `The file could not be read: ${errorMessage(error)}. Nothing was changed.`);
  }
}
