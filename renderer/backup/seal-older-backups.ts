// The backups an earlier version left on this computer hold the records in clear. Once, after the
// update, each is sealed in place with this computer's backup key, keeping its name and date, so
// no file in the backups folder is readable without the key. A file that cannot be read is left
// as it is and tried again at the next run.
import type { PlatformApi } from '../../shared/ipc';
import type { BackupFile } from '../../shared/backup-files';
import { errorMessage, fail, ok, type Result } from '../../shared/result';
import { sealUnsealedBackup } from './backup-format';
import type { BackupKey } from './backup-key';
import {
  markOlderBackupsSealed,
  readBackupEncryption,
  type BackupKeys,
  type SettingsStore,
} from './backup-key-setting';

type Deps = {
  platform: Pick<PlatformApi, 'listBackups' | 'readBackup' | 'replaceBackup'>;
  settings: SettingsStore;
  keys: BackupKeys;
};

export type OlderBackupsSealing = { sealed: BackupFile[]; failed: { file: BackupFile; error: string }[] };

async function sealOne(file: BackupFile, key: () => Promise<BackupKey>, deps: Deps): Promise<Result<boolean>> {
  const bytes = await deps.platform.readBackup({ name: file.name });
  if (!bytes.ok) return bytes;
  const sealed = await sealUnsealedBackup(bytes.value, await key());
  if (!sealed.ok) return fail(sealed.error);
  if (!sealed.value) return ok(false);
  const replaced = await deps.platform.replaceBackup({ name: file.name, data: sealed.value });
  return replaced.ok ? ok(true) : replaced;
}

export async function sealOlderBackups(deps: Deps): Promise<Result<OlderBackupsSealing>> {
  if ((await readBackupEncryption(deps.settings))?.olderBackupsSealed) return ok({ sealed: [], failed: [] });
  const listed = await deps.platform.listBackups();
  if (!listed.ok) return listed;
  // Asked for only when a file needs it: no key is made for a computer without backups.
  let key: Promise<BackupKey> | undefined;
  const keyOnce = () => (key ??= deps.keys.forNewBackup());
  const outcome: OlderBackupsSealing = { sealed: [], failed: [] };
  for (const file of listed.value) {
    try {
      const sealed = await sealOne(file, keyOnce, deps);
      if (!sealed.ok) outcome.failed.push({ file, error: sealed.error });
      else if (sealed.value) outcome.sealed.push(file);
    } catch (error) {
      outcome.failed.push({ file, error: errorMessage(error) });
    }
  }
  if (outcome.failed.length === 0) await markOlderBackupsSealed(deps.settings);
  return ok(outcome);
}
