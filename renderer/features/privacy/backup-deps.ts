// What backups need from the running app, and the one place a failed automatic backup is kept
// for the Backups section to show.
import { create } from 'zustand';
import type { BackupDeps } from '../../backup/backup-service';
import { deviceBackupKeys } from '../../backup/backup-key-setting';
import { encodeInWorker } from '../../backup/encode-in-worker';
import { repositories } from '../../db/instance';
import { platform } from '../../platform';

export const appBackupDeps: BackupDeps = {
  platform,
  now: Date.now,
  keys: deviceBackupKeys(repositories.settings),
  encode: encodeInWorker,
};

type AutomaticBackupStatus = { lastError: string | null };

export const useAutomaticBackupStatus = create<AutomaticBackupStatus>(() => ({ lastError: null }));
