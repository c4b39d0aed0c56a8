// What backups need from the running app, and the one place a failed automatic backup is kept
// for the Backups section to show.
import { create } from 'zustand';
import type { BackupDeps } from '../../backup/backup-service';
import { deviceBackupKeys } from '../../backup/backup-key-setting';
import { encodeInWorker } from '../../backup/encode-in-worker';
import { sealOlderBackups } from '../../backup/seal-older-backups';
import { repositories } from '../../db/instance';
import { platform } from '../../platform';

export const appBackupDeps: BackupDeps = {
  platform,
  now: Date.now,
  keys: deviceBackupKeys(repositories.settings),
  encode: encodeInWorker,
};

export const sealAppBackupsInClear = () =>
  sealOlderBackups({ platform, settings: repositories.settings, keys: appBackupDeps.keys });

type AutomaticBackupStatus = { lastError: string | null };

export const useAutomaticBackupStatus = create<AutomaticBackupStatus>(() => ({ lastError: null }));
