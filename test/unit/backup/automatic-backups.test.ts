// The backups the app makes on its own: one a day while it is used (none of an empty database),
// and one of the data as it was before every restore.
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../shared/demo-dataset';
import { openTestDatabase } from '../db/test-database';
import { ensureDailyBackup, encodeDatabase } from '../../../renderer/backup/backup-service';
import { decodeBackup } from '../../../renderer/backup/backup-format';
import { prepareRestore } from '../../../renderer/backup/restore';
import { runRestore } from '../../../renderer/backup/run-restore';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/db/database';
import { recordTables } from '../../../renderer/db/metric-facts';
import { allRecords, fillDatabase, memoryPlatform, testBackupKeys } from './backup-data';

const hour = 60 * 60 * 1000;
const keys = testBackupKeys();

describe('automatic backups', () => {
  it('makes one backup a day while the app is used, and none of an empty database', async () => {
    const { db } = openTestDatabase();
    let now = new Date(2026, 10, 28, 8).getTime();
    const { platform, list } = memoryPlatform(() => now);
    const deps = { platform, now: () => now, keys };

    expect(await ensureDailyBackup(db, deps)).toEqual({ ok: true, value: null });
    await fillDatabase(db, generateDataset({ size: 'small', seed: 1 }));
    const first = await ensureDailyBackup(db, deps);
    expect(first.ok && first.value?.kind).toBe('daily');
    now += 3 * hour;
    expect(await ensureDailyBackup(db, deps)).toEqual({ ok: true, value: null });
    now += 24 * hour;
    await ensureDailyBackup(db, deps);
    expect((await list()).map((file) => file.kind)).toEqual(['daily', 'daily']);
    await db.delete();
  });

  it('keeps the data as it was before a restore, in a backup that restores it', async () => {
    const { db } = openTestDatabase();
    const now = () => Date.UTC(2026, 10, 28, 9);
    const { platform, list } = memoryPlatform(now);
    await fillDatabase(db, generateDataset({ size: 'small', seed: 2 }));
    const before = await allRecords(db);
    const other = openTestDatabase().db;
    await fillDatabase(other, generateDataset({ size: 'small', seed: 3 }));
    const plan = await prepareRestore(db, await encodeDatabase(other, 'export', { platform, now, keys }), {
      unlock: await keys.unlock(),
    });
    if (!plan.ok) throw new Error(plan.error);

    const phases: string[] = [];
    const restored = await runRestore(db, plan.value, { platform, now, keys, onPhase: (phase) => phases.push(phase) });
    expect(restored.ok).toBe(true);
    expect(phases).toEqual(['safety-backup', 'writing']);
    expect(await allRecords(db)).toEqual(await allRecords(other));

    const [safety] = await list();
    expect(safety.kind).toBe('pre-restore');
    const bytes = await platform.readBackup({ name: safety.name });
    if (!bytes.ok) throw new Error(bytes.error);
    const decoded = await decodeBackup(bytes.value, {
      maxSchemaVersion: CURRENT_SCHEMA_VERSION,
      unlock: await keys.unlock(),
    });
    // A backup holds the record tables; the derived metric fact tables are rebuilt on restore.
    const beforeRecords = Object.fromEntries(recordTables(db).map((table) => [table.name, before[table.name]]));
    expect(decoded.ok && decoded.value.tables).toEqual(beforeRecords);
    await db.delete();
    await other.delete();
  });
});
