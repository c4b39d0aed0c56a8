// The privacy and durability chores of a running app: the day's automatic backup (the first
// hour the app is used each day), the retention policy and the trash's 30-day purge, at start and
// then every hour, each time at the next pause in the coach's typing; and at start, the scratch
// database an unfinished erasure from the backups may have left, and sealing the backups an
// earlier version left in clear.
import { createLogger } from '../../../shared/logger';
import { showToast } from '../../components/toasts';
// eslint-disable-next-line no-restricted-imports -- handed to backups and retention (renderer/backup, renderer/privacy)
import { database, repositories } from '../../db/instance';
import { navigate } from '../../navigation';
import { ensureDailyBackup } from '../../backup/backup-service';
import { applyRetention } from '../../privacy/retention';
import { discardErasureScratch } from '../../privacy/erasure-scratch';
import { appBackupDeps, sealAppBackupsInClear, useAutomaticBackupStatus } from './backup-deps';
import type { WaitForTypingPause } from '../../typing-pause';

const log = createLogger('housekeeping');
const EVERY_MS = 60 * 60_000;
const TYPING_PAUSE = { pauseMs: 5_000, maxWaitMs: 10 * 60_000 };

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

async function dailyBackup(): Promise<void> {
  const result = await ensureDailyBackup(database, appBackupDeps);
  useAutomaticBackupStatus.setState({ lastError: result.ok ? null : result.error });
  if (result.ok) {
    if (result.value) log.info('made the day’s backup', result.value.name);
    return;
  }
  log.error('the day’s backup failed:', result.error);
  showToast({
    message: `Today’s automatic backup could not be made: ${result.error}`,
    actionLabel: 'Backups',
    onAction: () => navigate('settings'),
  });
}

let olderBackupsLookedAt = false;

/** Once a start: reading every backup file each hour would cost more than a file left in clear. */
async function sealBackupsInClear(): Promise<void> {
  if (olderBackupsLookedAt) return;
  olderBackupsLookedAt = true;
  const run = await sealAppBackupsInClear();
  if (!run.ok) return log.error('the backups in clear could not be listed:', run.error);
  if (run.value.sealed.length > 0) log.info(`encrypted ${plural(run.value.sealed.length, 'backup')} written before`);
  for (const { file, error } of run.value.failed) log.error(`the backup ${file.name} stays as it was:`, error);
}

async function retention(): Promise<void> {
  const run = await applyRetention(database, Date.now());
  if (run.sessions + run.participants === 0) return;
  showToast({
    message: `As your retention policy says, the private notes of ${plural(run.sessions, 'session')} and ${plural(run.participants, 'participant')} were removed.`,
    actionLabel: 'Retention',
    onAction: () => navigate('settings'),
  });
}

/** What has been in the trash longer than its 30 days goes for good, as Settings → Trash says. */
async function purgeTrash(): Promise<void> {
  const purged = await repositories.trash.purgeExpired();
  if (purged > 0) log.info(`removed ${purged} records kept in the trash more than 30 days`);
}

async function runChores(waitForTypingPause: WaitForTypingPause): Promise<void> {
  await waitForTypingPause(TYPING_PAUSE);
  for (const chore of [dailyBackup, sealBackupsInClear, retention, purgeTrash]) {
    try {
      await chore();
    } catch (error) {
      log.error(`${chore.name} failed:`, error);
    }
  }
}

let started = false;

export function startHousekeeping(waitForTypingPause: WaitForTypingPause): void {
  if (started) return;
  started = true;
  // Left by an erasure the app did not finish, it would hold the erased participant.
  discardErasureScratch().catch((error: unknown) => log.error('the erasure scratch database stayed:', error));
  void runChores(waitForTypingPause);
  setInterval(() => void runChores(waitForTypingPause), EVERY_MS);
}
