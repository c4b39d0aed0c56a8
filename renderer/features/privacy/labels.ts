// How the privacy screens name things: what a table holds, what kind a backup is, sizes.
import type { BackupHeader } from '../../backup/backup-format';

/** Each table as the coach knows its records; a table not named here shows under its own name. */
export const tableLabels: Record<string, string> = {
  participants: 'Participants',
  sessions: 'Sessions',
  actions: 'Actions',
  actionNotes: 'Notes from the hub on actions',
  actionReviews: 'Reviews of earlier actions',
  contracts: 'Contracts',
  contractReviews: 'Contract reviews',
  consentLog: 'Consent changes',
  outbox: 'Changes waiting to sync',
  syncRuns: 'Sync history',
  settings: 'Settings',
  templates: 'Your templates',
};

export const backupKindLabels: Record<BackupHeader['kind'], string> = {
  daily: 'Daily',
  'pre-upgrade': 'Before an update',
  'pre-restore': 'Before a restore',
  manual: 'Made on request',
  export: 'Exported',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;
