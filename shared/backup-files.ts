// The automatic backups' file names and which of them to keep. Used by the main process for the
// backups folder and by the web adapter for its backup store, so both keep the same ones.
import { startOfDay, startOfISOWeek } from 'date-fns';
import { z } from 'zod';

export const backupKinds = ['daily', 'pre-upgrade', 'pre-restore', 'manual'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** A restore holds a whole backup in memory to write it in one transaction; see renderer/backup/FORMAT.md. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

export const BACKUP_EXTENSION = 'ftbackup';

export const KEEP_DAILY = 14;
export const KEEP_WEEKLY = 8;
/** Backups made before an upgrade or a restore, or on request, are kept this long (and the newest few always). */
export const KEEP_SAFETY_DAYS = 30;
const KEEP_SAFETY_NEWEST = 3;

const namePattern = new RegExp(
  `^followthrough-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${backupKinds.join('|')})\\.${BACKUP_EXTENSION}$`,
);

/** A plain file name, never a path: the main process joins it to the backups folder. */
export const backupNameSchema = z.string().max(100).regex(namePattern, 'Not the name of a Followthrough backup');

export const backupFileSchema = z.object({
  name: backupNameSchema,
  kind: z.enum(backupKinds),
  createdAt: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export function backupFileName(kind: BackupKind, createdAt: number): string {
  const stamp = new Date(createdAt).toISOString().replace(/[:.]/g, '-');
  return `followthrough-${stamp}-${kind}.${BACKUP_EXTENSION}`;
}

/** The kind and time a backup's name records, or null for any other file. */
export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: number } | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [date, time] = match[1].split('T');
  const [hours, minutes, seconds, millis] = time.replace('Z', '').split('-');
  const createdAt = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(createdAt) ? null : { kind: match[2] as BackupKind, createdAt };
}

type Dated = Pick<BackupFile, 'name' | 'kind' | 'createdAt'>;

/** The newest backup of each of the `count` most recent periods (days or weeks) that have one. */
function newestPerPeriod(files: Dated[], periodOf: (at: number) => number, count: number): string[] {
  const kept = new Map<number, string>();
  for (const file of [...files].sort((a, b) => b.createdAt - a.createdAt)) {
    const period = periodOf(file.createdAt);
    if (kept.has(period)) continue;
    if (kept.size === count) break;
    kept.set(period, file.name);
  }
  return [...kept.values()];
}

/**
 * Which backups to keep, like `restic forget --keep-daily 14 --keep-weekly 8`: the newest daily
 * backup of each of the last 14 days that have one and of each of the last 8 weeks that have one.
 * A safety backup (before an upgrade or a restore, or made on request) is kept 30 days, and the
 * newest 3 of each kind always, so undoing a restore stays possible whatever happens after it.
 */
export function backupsToKeep(files: Dated[], now: number): Set<string> {
  const daily = files.filter((file) => file.kind === 'daily');
  const keep = new Set([
    ...newestPerPeriod(daily, (at) => startOfDay(at).getTime(), KEEP_DAILY),
    ...newestPerPeriod(daily, (at) => startOfISOWeek(at).getTime(), KEEP_WEEKLY),
  ]);
  const safetyCutoff = now - KEEP_SAFETY_DAYS * 24 * 60 * 60 * 1000;
  for (const kind of backupKinds.filter((candidate) => candidate !== 'daily')) {
    const ofKind = files.filter((file) => file.kind === kind).sort((a, b) => b.createdAt - a.createdAt);
    ofKind.forEach((file, index) => {
      if (index < KEEP_SAFETY_NEWEST || file.createdAt >= safetyCutoff) keep.add(file.name);
    });
  }
  return keep;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Why a file over the size limit is refused, in words a coach can act on. */
export function tooLargeMessage(sizeBytes: number): string {
  return (
    `This file is ${megabytes(sizeBytes)}; Followthrough restores backups of up to ${megabytes(MAX_BACKUP_BYTES)} ` +
    '(five years of a busy coach’s data take about 2 MB), so this is unlikely to be one it made, or it was damaged. ' +
    'Nothing was changed.'
  );
}
