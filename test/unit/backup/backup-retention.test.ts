// Which automatic backups are kept: the last 14 daily and 8 weekly ones, and every safety backup
// (before an upgrade or a restore) for 30 days, the newest 3 of each kind always.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startOfISOWeek } from 'date-fns';
import { backupFileName, backupsToKeep, parseBackupFileName, type BackupKind } from '../../../shared/backup-files';

const day = 24 * 60 * 60 * 1000;
/** Noon local time, n days before 28 Nov 2026 (a Saturday). */
const daysAgo = (n: number) => new Date(2026, 10, 28 - n, 12).getTime();
const now = daysAgo(0);

const file = (kind: BackupKind, createdAt: number) => ({ name: backupFileName(kind, createdAt), kind, createdAt });

describe('backup file names', () => {
  it('record the kind and the moment, and are read back (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BackupKind>('daily', 'pre-upgrade', 'pre-restore', 'manual'),
        fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }),
        (kind, createdAt) => {
          expect(parseBackupFileName(backupFileName(kind, createdAt))).toEqual({ kind, createdAt });
        },
      ),
    );
  });

  it.each(['../followthrough-2026-11-28T09-30-00-000Z-daily.ftbackup', 'notes.txt', 'followthrough-x-daily.ftbackup'])(
    'are not confused with other files: %s',
    (name) => expect(parseBackupFileName(name)).toBeNull(),
  );
});

describe('backup retention', () => {
  it('keeps the newest daily backup of each of the last 14 days and of each of the last 8 weeks', () => {
    const dailies = Array.from({ length: 120 }, (_, n) => [
      file('daily', daysAgo(n)),
      file('daily', daysAgo(n) - 3600_000),
    ]).flat();
    const kept = [...backupsToKeep(dailies, now)]
      .map((name) => parseBackupFileName(name)!.createdAt)
      .sort((a, b) => b - a);
    // The 14 days, then the newest of each older week until 8 weeks have one; the 14 days already
    // cover three weeks (this one from Monday, the last, and a Sunday of the one before).
    expect(kept.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, n) => daysAgo(n)));
    expect(new Set(kept.map((at) => startOfISOWeek(at).getTime())).size).toBe(8);
    expect(kept).toHaveLength(14 + 5);
    expect(Math.min(...kept)).toBeGreaterThan(now - 8 * 7 * day);
  });

  it('counts days that have a backup, so a holiday does not empty the folder', () => {
    const sparse = [0, 40, 80, 200].map((n) => file('daily', daysAgo(n)));
    expect(backupsToKeep(sparse, now).size).toBe(4);
  });

  it('keeps safety backups for 30 days, and the newest 3 of each kind whatever their age', () => {
    const restores = [1, 10, 29, 31, 60, 90, 120].map((n) => file('pre-restore', daysAgo(n)));
    const upgrades = [200, 300, 400, 500].map((n) => file('pre-upgrade', daysAgo(n)));
    const kept = backupsToKeep([...restores, ...upgrades], now);
    expect([...kept].sort()).toEqual(
      [...restores.slice(0, 3), ...upgrades.slice(0, 3)].map((backup) => backup.name).sort(),
    );
    const recent = [1, 2, 3, 4, 5].map((n) => file('pre-restore', daysAgo(n)));
    expect(backupsToKeep(recent, now).size).toBe(5);
  });

  it('never keeps more than 22 daily backups, however many there are (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3650 }), { maxLength: 300 }), (ages) => {
        const files = ages.map((age, index) => file('daily', daysAgo(age) - index));
        const kept = backupsToKeep(files, now);
        expect(kept.size).toBeLessThanOrEqual(22);
        if (files.length) expect(kept.has([...files].sort((a, b) => b.createdAt - a.createdAt)[0].name)).toBe(true);
      }),
    );
  });
});
