// After the update, the backups an earlier version left on this computer in clear are sealed in
// place, once: same name, date and records, and no longer readable without the key.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBackup } from '../../../renderer/backup/backup-format';
import { sealOlderBackups } from '../../../renderer/backup/seal-older-backups';
import { readBackupEncryption } from '../../../renderer/backup/backup-key-setting';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/db/database';
import { databasePerTest, participantWithSession } from '../db/test-database';
import { writeBackup } from '../../../renderer/backup/backup-service';
import { memoryPlatform, memorySettings, testBackupKeys } from './backup-data';

const format1 = new Uint8Array(
  readFileSync(join(__dirname, '../../fixtures/backup/format-1-data-version-12.ftbackup')),
);
const openDatabase = databasePerTest();
const formatVersion = (bytes: Uint8Array) =>
  JSON.parse(Buffer.from(bytes.subarray(0, bytes.indexOf(0x0a))).toString()).formatVersion as number;

describe('sealing the backups an earlier version left in clear', () => {
  it('seals each in place with the same records, once, and leaves sealed ones as they are', async () => {
    const { db, repos, clock } = openDatabase();
    await participantWithSession(repos, { name: 'Amara Okafor' });
    const backups = memoryPlatform(clock);
    const settings = memorySettings();
    const keys = testBackupKeys(settings);
    const unlock = async () => keys.unlock();
    const before = await decodeBackup(format1, { maxSchemaVersion: CURRENT_SCHEMA_VERSION });
    if (!before.ok) throw new Error(before.error);
    // In clear: the records unpack with gzip alone.
    expect(gunzipSync(format1.subarray(format1.indexOf(0x0a) + 1)).toString()).toContain('"participants"');
    await backups.platform.writeBackup({ kind: 'daily', data: format1 });
    clock.advance(60_000);
    await writeBackup(db, 'manual', { platform: backups.platform, now: clock, keys });
    const [sealedAlready, inClear] = await backups.list();
    const untouched = await backups.platform.readBackup({ name: sealedAlready.name });

    const run = await sealOlderBackups({ platform: backups.platform, settings, keys });
    expect(run).toEqual({ ok: true, value: { sealed: [inClear], failed: [] } });

    const after = await backups.platform.readBackup({ name: inClear.name });
    if (!after.ok) throw new Error(after.error);
    expect(formatVersion(after.value)).toBe(2);
    expect(() => gunzipSync(after.value.subarray(after.value.indexOf(0x0a) + 1))).toThrow();
    const opened = await decodeBackup(after.value, {
      maxSchemaVersion: CURRENT_SCHEMA_VERSION,
      unlock: await unlock(),
    });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value.tables).toEqual(before.value.tables);
    const {
      encryption: _encryption,
      payload: _payload,
      formatVersion: _v2,
      ...fieldsAfter
    } = opened.value.header as Record<string, unknown>;
    const { payload: _clear, formatVersion: _v1, ...fieldsBefore } = before.value.header as Record<string, unknown>;
    expect(fieldsAfter).toEqual(fieldsBefore);
    expect(await backups.list()).toEqual([sealedAlready, { ...inClear, sizeBytes: after.value.length }]);
    expect(await backups.platform.readBackup({ name: sealedAlready.name })).toEqual(untouched);

    // Done once: the next run reads no file.
    expect((await readBackupEncryption(settings))?.olderBackupsSealed).toBe(true);
    const reads: string[] = [];
    const counting = {
      ...backups.platform,
      readBackup: (input: { name: string }) => (reads.push(input.name), backups.platform.readBackup(input)),
    };
    await sealOlderBackups({ platform: counting, settings, keys });
    expect(reads).toEqual([]);
  });

  it('leaves a damaged file as it is, names it, and looks again next time', async () => {
    const { clock } = openDatabase();
    const backups = memoryPlatform(clock);
    const settings = memorySettings();
    const damaged = format1.slice();
    damaged[damaged.length - 10] ^= 0xff;
    await backups.platform.writeBackup({ kind: 'daily', data: damaged });
    const run = await sealOlderBackups({ platform: backups.platform, settings, keys: testBackupKeys(settings) });
    expect(run.ok && run.value.failed.map(({ error }) => error)).toEqual([
      expect.stringContaining('does not match its checksum'),
    ]);
    expect((await readBackupEncryption(settings))?.olderBackupsSealed).toBeUndefined();
  });
});
