// A restore brings back the coach's records, never where this computer syncs to: a backup that
// names another upstream (crafted, or merely old) must not make the next run send the token and
// the queued actions there. The lock, sync's settings, its pause, cursors and hub records stay.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databasePerTest, participantWithSession } from '../db/test-database';
import { DATA_KEY_SETTING } from '../../../renderer/db/encryption/data-key-custody';
import { encodeDatabase } from '../../../renderer/backup/backup-service';
import { prepareRestore } from '../../../renderer/backup/restore';
import { runRestore } from '../../../renderer/backup/run-restore';
import { readSyncSettings, writePullCursor, writeSyncSettings } from '../../../renderer/sync/settings';
import { readLockConfig, writeLockConfig } from '../../../renderer/features/lock/lock-config';
import { hashPasscode } from '../../../renderer/features/lock/passcode';
import { connectorDifference, keptByRestore } from '../../../renderer/features/privacy/device-settings';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { memoryPlatform, testBackupKeys } from './backup-data';

const keys = testBackupKeys();
const deps = () => ({ platform: memoryPlatform().platform, now: () => Date.UTC(2026, 10, 28, 9), keys });
const restoring = async () => ({ keepsSetting: keptByRestore, unlock: await keys.unlock() });
const openDatabase = databasePerTest();

async function syncWith(db: FollowthroughDatabase, url: string) {
  await writeSyncSettings(db, { ...(await readSyncSettings(db)), connector: { kind: 'hub', url } });
}

/** A backup made where sync went to the attacker's address, with a lock of its own. */
async function craftedBackup(): Promise<Uint8Array> {
  const { db, repos } = openDatabase();
  await repos.participants.create({ name: 'Amara Okafor', role: 'Head of Operations' });
  await syncWith(db, 'https://collector.attacker.example');
  await writePullCursor(db, 'hub', 'cursor-from-the-backup');
  await writeLockConfig(repos.settings, null);
  return encodeDatabase(db, 'export', deps());
}

describe('restoring a backup on a computer that syncs', () => {
  it('keeps where this computer syncs to, its cursor and its lock; brings the records back', async () => {
    const bytes = await craftedBackup();
    const { db, repos } = openDatabase();
    await syncWith(db, 'https://hub.northwind.example');
    await writePullCursor(db, 'hub', 'cursor-of-this-computer');
    const lock = { passcode: await hashPasscode('correct horse'), idleMinutes: 5, hideContent: true };
    await writeLockConfig(repos.settings, lock);

    const plan = await prepareRestore(db, bytes, await restoring());
    if (!plan.ok) throw new Error(plan.error);
    const restored = await runRestore(db, plan.value, deps());
    expect(restored.ok).toBe(true);

    expect((await readSyncSettings(db)).connector).toEqual({ kind: 'hub', url: 'https://hub.northwind.example' });
    expect((await db.settings.get('sync.cursor.hub'))?.value).toBe('cursor-of-this-computer');
    expect(await readLockConfig(repos.settings)).toEqual(lock);
    expect((await db.participants.toArray()).map((participant) => participant.name)).toEqual(['Amara Okafor']);
  });

  it('keeps where this computer keeps its data key, which no backup carries, so the notes stay readable', async () => {
    const { db, repos } = openDatabase();
    const custody = { sealedAll: true, protection: { by: 'device' } };
    await repos.settings.setValue(DATA_KEY_SETTING, custody);
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
    await repos.sessions.update(session.id, { reality: 'still readable after the restore' });
    const bytes = await encodeDatabase(db, 'export', deps());

    const plan = await prepareRestore(db, bytes, await restoring());
    if (!plan.ok) throw new Error(plan.error);
    expect(JSON.stringify(plan.value.tables.settings)).not.toContain(DATA_KEY_SETTING);
    await runRestore(db, plan.value, deps());
    expect(await repos.settings.value(DATA_KEY_SETTING)).toEqual(custody);
    expect((await repos.sessions.get(session.id))?.reality).toBe('still readable after the restore');
  });

  it('says in the preview where the backup synced to and that this computer’s sync stays', async () => {
    const bytes = await craftedBackup();
    const { db } = openDatabase();
    await syncWith(db, 'https://hub.northwind.example');
    const plan = await prepareRestore(db, bytes, await restoring());
    if (!plan.ok) throw new Error(plan.error);
    expect(connectorDifference(plan.value, await readSyncSettings(db))).toBe(
      'This backup was made syncing with the hub at https://collector.attacker.example. Sync on this computer stays as it is: the hub at https://hub.northwind.example.',
    );
    const settingsChange = plan.value.changes.find((change) => change.table === 'settings')!;
    expect(settingsChange.changed + settingsChange.added + settingsChange.removed).toBe(0);
  });

  it('says nothing of sync when the backup synced where this computer does', async () => {
    const { db } = openDatabase();
    await syncWith(db, 'https://hub.northwind.example');
    const plan = await prepareRestore(db, await encodeDatabase(db, 'export', deps()), await restoring());
    if (!plan.ok) throw new Error(plan.error);
    expect(connectorDifference(plan.value, await readSyncSettings(db))).toBeNull();
  });

  it('keeps every setting of sync’s, whatever its name, and restores the others (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z.-]{0,20}$/), { minLength: 1, maxLength: 6 }),
        async (names) => {
          const source = openDatabase().db;
          const keys = names.flatMap((name) => [`sync.${name}`, `app.${name}`]);
          await source.settings.bulkPut(keys.map((key) => ({ key, value: 'from the backup' })));
          const bytes = await encodeDatabase(source, 'export', deps());
          const { db } = openDatabase();
          await db.settings.bulkPut(keys.map((key) => ({ key, value: 'on this computer' })));
          const plan = await prepareRestore(db, bytes, await restoring());
          if (!plan.ok) throw new Error(plan.error);
          await runRestore(db, plan.value, deps());
          for (const key of keys) {
            expect((await db.settings.get(key))?.value).toBe(
              key.startsWith('sync.') ? 'on this computer' : 'from the backup',
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('finds every setting sync keeps named as one of sync’s, so a restore keeps it too', () => {
    const folder = join(__dirname, '../../../renderer/sync');
    const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const keys = sources.flatMap((file) =>
      [...readFileSync(join(folder, file), 'utf8').matchAll(/(?:Key|_KEY)\s*=\s*['`]([^'`]+)['`]/g)].map(
        (match) => match[1],
      ),
    );
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !keptByRestore(key))).toEqual([]);
  });
});
