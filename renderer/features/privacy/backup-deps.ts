// What backups need from the running app, and the one place a failed automatic backup is kept
// for the Backups section to show.
import { create } from 'zustand';
import type { BackupDeps } from '../../backup/backup-service';
import { encodeInWorker } from '../../backup/encode-in-worker';
import { platform } from '../../platform';

export const appBackupDeps: BackupDeps = { platform, now: Date.now, encode: encodeInWorker };

type AutomaticBackupStatus = { lastError: string | null };

export const useAutomaticBackupStatus = create<AutomaticBackupStatus>(() => ({ lastError: null }));
