// The backup taken before a schema upgrade, of a database whose notes are sealed: it must hold the
// notes in clear inside the backup's own encryption, so it restores on any computer with the
// backup's key; and where the data key cannot be had (the app lock keeps it), it refuses, saying
// why, and the database stays as it was.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/db/database';
import { backupBeforeUpgrade } from '../../../renderer/backup/upgrade-guard';
import { decodeBackup } from '../../../renderer/backup/backup-format';
import { applyRestore, prepareRestore } from '../../../renderer/backup/restore';
import { DATA_KEY_SETTING, DEVICE_SECRET, exportRaw } from '../../../renderer/db/encryption/data-key-custody';
import { createRepositories } from '../../../renderer/db/repositories';
import { toBase64 } from '../../../renderer/base64';
import { openTestDatabase, participantWithSession } from '../db/test-database';
import { fakeSecrets } from '../db/encryption/fake-secrets';
import { memoryPlatform, testBackupKeys } from './backup-data';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../../support/source-files';

const now = () => Date.UTC(2026, 11, 8, 9);
const NEXT_VERSION = CURRENT_SCHEMA_VERSION + 1;
const reality = 'Escalations bypass the triage RACI every week';

/** A database at today's version with its notes sealed, its key kept as `by` keeps it. */
async function sealedDatabase(by: 'device' | 'passcode') {
  const { db, repos } = openTestDatabase();
  const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
  await repos.sessions.update(session.id, { reality });
  const protection =
    by === 'device'
      ? { by }
      : {
          by,
          iterations: 100_000,
          salt: toBase64(new Uint8Array(16)),
          iv: toBase64(new Uint8Array(12)),
          wrapped: 'AAAA',
        };
  await db.settings.put({ key: DATA_KEY_SETTING, value: { sealedAll: true, protection } });
  const { secrets, held } = fakeSecrets();
  if (by === 'device') held.set(DEVICE_SECRET, toBase64(await exportRaw(db.keyring.key!)));
  db.close();
  return { name: db.name, db, session, secrets };
}

describe('the backup before an upgrade of a sealed database', () => {
  it('holds the notes opened with the data key, and restores them elsewhere', async () => {
    const { name, db, session, secrets } = await sealedDatabase('device');
    const { platform, list } = memoryPlatform(now);

    const check = await backupBeforeUpgrade(name, NEXT_VERSION, { platform, now, secrets });
    expect(check).toMatchObject({ kind: 'backed-up', from: CURRENT_SCHEMA_VERSION });

    await db.open();
    const unlock = await testBackupKeys(createRepositories(db, now).settings).unlock();
    const [file] = await list();
    const stored = await platform.readBackup({ name: file.name });
    if (!stored.ok) throw new Error(stored.error);
    const decoded = await decodeBackup(stored.value, { maxSchemaVersion: NEXT_VERSION, unlock });
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.tables.sessions).toEqual([expect.objectContaining({ id: session.id, reality })]);

    const fresh = openTestDatabase().db;
    const plan = await prepareRestore(fresh, stored.value, { unlock });
    if (!plan.ok) throw new Error(plan.error);
    await applyRestore(fresh, plan.value);
    expect((await fresh.sessions.get(session.id))?.reality).toBe(reality);
    await fresh.delete();
    await db.delete();
  });

  it('refuses while the passcode keeps the key, saying so, and leaves the database as it was', async () => {
    const { name, secrets } = await sealedDatabase('passcode');
    const { platform, list } = memoryPlatform(now);

    const check = await backupBeforeUpgrade(name, NEXT_VERSION, { platform, now, secrets });
    expect(check).toEqual({
      kind: 'backup-failed',
      from: CURRENT_SCHEMA_VERSION,
      error: expect.stringMatching(/passcode/),
    });
    expect(await list()).toEqual([]);
    const stillThere = new Dexie(name);
    await stillThere.open();
    expect(stillThere.verno).toBe(CURRENT_SCHEMA_VERSION);
    stillThere.close();
    await Dexie.delete(name);
  });

  it('is the rule: every database the app opens by name reads sealed records through the data key', () => {
    const opensByName = sourceFiles('renderer').filter((file) => /new Dexie\(/.test(readFileSync(file, 'utf8')));
    expect(opensByName.length).toBeGreaterThan(0);
    for (const file of opensByName)
      expect([file, readFileSync(file, 'utf8')]).toEqual([
        file,
        expect.stringMatching(/\.use\(encryptionMiddleware\(/),
      ]);
  });
});
