// A database made by the first released schema (version 1), full of data, opens in the current
// version with everything present, and a backup of it as it was is taken before the upgrade runs.
// That backup, restored later, goes through the same upgrade code and gives the same records.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION, FollowthroughDatabase, schemaV1 } from '../../../renderer/db/database';
import { backupBeforeUpgrade } from '../../../renderer/backup/upgrade-guard';
import { decodeBackup } from '../../../renderer/backup/backup-format';
import { applyRestore, prepareRestore } from '../../../renderer/backup/restore';
import { generateDataset } from '../../../shared/demo-dataset';
import { openTestDatabase } from '../db/test-database';
import { allRecords, memoryPlatform, testBackupKeys } from './backup-data';
import { createRepositories } from '../../../renderer/db/repositories';
import { BACKUP_KEY_SETTING, isBackupKeySetting } from '../../../renderer/backup/backup-key-setting';
import { fakeSecrets } from '../db/encryption/fake-secrets';

const now = () => Date.UTC(2026, 10, 28, 9);
/** A version 1 database has no sealed notes: the keychain is never asked. */
const { secrets } = fakeSecrets();

/** The records as version 1 stored them: no consent on participants, reviews without their own table. */
function version1Records() {
  const dataset = generateDataset({ size: 'small', seed: 11 });
  const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
  const participants = dataset.participants.map(({ consent: _consent, ...participant }) => participant);
  return {
    participants: byId(participants),
    sessions: byId(dataset.sessions),
    actions: byId(dataset.actions),
    contracts: byId(dataset.contracts),
    outbox: [],
    settings: [{ key: 'coach.name', value: 'Sam Rivera' }],
  };
}

async function createVersion1Database(name: string) {
  const records = version1Records();
  const old = new Dexie(name);
  old.version(1).stores(schemaV1);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(records)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return records;
}

const withoutLogTimes = (records: Record<string, unknown[]>) => ({
  ...records,
  consentLog: records.consentLog.map((entry) => ({ ...(entry as object), at: 0 })),
});

describe('opening a version 1 database', () => {
  it('backs it up as it was, then opens it at the current version with everything present', async () => {
    const name = `followthrough-v1-${crypto.randomUUID()}`;
    const v1 = await createVersion1Database(name);
    const { platform, list } = memoryPlatform(now);

    const check = await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, { platform, now, secrets });
    expect(check).toEqual({ kind: 'backed-up', from: 1, file: expect.stringMatching(/-pre-upgrade\.ftbackup$/) });
    const [file] = await list();
    expect(file.kind).toBe('pre-upgrade');

    // The upgrade itself: every record there, with what later versions added.
    const db = new FollowthroughDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    // The backup, sealed with the key it made in that database, holds the version 1 database exactly as it was.
    expect(await db.settings.get(BACKUP_KEY_SETTING)).toBeDefined();
    const unlock = await testBackupKeys(createRepositories(db, now).settings).unlock();
    const stored = await platform.readBackup({ name: file.name });
    if (!stored.ok) throw new Error(stored.error);
    const decoded = await decodeBackup(stored.value, {
      maxSchemaVersion: CURRENT_SCHEMA_VERSION,
      unlock,
    });
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.header.schemaVersion).toBe(1);
    const indexes = (stores: Record<string, string>) =>
      Object.fromEntries(Object.entries(stores).map(([table, line]) => [table, line.split(', ').sort()]));
    expect(indexes(decoded.value.header.stores)).toEqual(indexes(schemaV1));
    expect(decoded.value.tables).toEqual(v1);

    expect(await db.participants.count()).toBe(v1.participants.length);
    expect(await db.sessions.toArray()).toEqual(v1.sessions);
    expect(await db.actions.toArray()).toEqual(v1.actions);
    expect(await db.contracts.count()).toBe(v1.contracts.length);
    expect((await db.settings.get('coach.name'))?.value).toBe('Sam Rivera');
    for (const participant of await db.participants.toArray()) {
      expect(participant.consent).toEqual({ keepNotes: true, shareActions: 'named', aiProcessing: false });
    }
    expect(await db.consentLog.count()).toBe(v1.participants.length);

    const all = await allRecords(db);
    // The backup key stays on the computer: no backup holds it, and a restore does not bring it.
    const upgraded = {
      ...all,
      settings: all.settings.filter((setting) => !isBackupKeySetting((setting as { key: string }).key)),
    };
    // No second backup once it is current.
    db.close();
    expect(await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, { platform, now, secrets })).toEqual({
      kind: 'up-to-date',
    });
    expect(await list()).toHaveLength(1);

    // Restoring the version 1 backup runs the same upgrades and gives the same database.
    const fresh = openTestDatabase().db;
    const plan = await prepareRestore(fresh, stored.value, { unlock });
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.upgradedFrom).toBe(1);
    await applyRestore(fresh, plan.value);
    expect(withoutLogTimes(await allRecords(fresh))).toEqual(withoutLogTimes(upgraded));
    await fresh.delete();
    await Dexie.delete(name);
  }, 60_000);

  it('takes no backup when there is no database yet', async () => {
    const { platform, list } = memoryPlatform(now);
    expect(
      await backupBeforeUpgrade(`absent-${crypto.randomUUID()}`, CURRENT_SCHEMA_VERSION, { platform, now, secrets }),
    ).toEqual({
      kind: 'no-database',
    });
    expect(await list()).toEqual([]);
  });

  it('says the backup failed, and why, without opening the database at the new version', async () => {
    const name = `followthrough-v1-${crypto.randomUUID()}`;
    await createVersion1Database(name);
    const { platform } = memoryPlatform(now);
    const check = await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, {
      platform: { ...platform, writeBackup: async () => ({ ok: false, error: 'The disk is full' }) },
      now,
      secrets,
    });
    expect(check).toEqual({ kind: 'backup-failed', from: 1, error: 'The disk is full' });
    const stillOld = new Dexie(name);
    await stillOld.open();
    expect(stillOld.verno).toBe(1);
    stillOld.close();
    await Dexie.delete(name);
  });
});
