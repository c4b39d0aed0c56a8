// Backups are sealed: the records are AES-GCM ciphertext under this computer's backup key, and
// the readable header holds no private text. On this computer they open without asking; on another
// only with the recovery key or the passphrase, and a wrong one, a typo or a changed byte changes
// nothing. Backups of the previous version (format 1, in clear) still restore.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { databasePerTest, participantWithSession } from '../db/test-database';
import { encodeDatabase } from '../../../renderer/backup/backup-service';
import { decodeBackup, encodeBackup } from '../../../renderer/backup/backup-format';
import { applyRestore, prepareRestore } from '../../../renderer/backup/restore';
import {
  BACKUP_KEY_SETTING,
  createRecoveryKey,
  readBackupEncryption,
  revealRecoveryKey,
  choosePassphrase,
} from '../../../renderer/backup/backup-key-setting';
import { importBackupKey, newRecoveryKeyBytes } from '../../../renderer/backup/backup-key';
import { readRecoveryKey, recoveryKeyText } from '../../../renderer/backup/recovery-key';
import { keptByRestore } from '../../../renderer/features/privacy/device-settings';
import { CURRENT_SCHEMA_VERSION, type FollowthroughDatabase } from '../../../renderer/db/database';
import { fillDatabase, memoryPlatform, memorySettings, testBackupKeys } from './backup-data';
import { generateDataset } from '../../../shared/demo-dataset';

const MARKER = 'marker-4f1c-reality-only-the-coach-reads';
const NAME = 'Amara Okafor-Marker';
const now = () => Date.UTC(2026, 11, 1, 9);
const openDatabase = databasePerTest();
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
const headerOf = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes.subarray(0, bytes.indexOf(0x0a))).toString());

/** A database on "this computer" with a private marker in a session's Reality. */
async function coachDatabase() {
  const { db, repos } = openDatabase();
  const { session } = await participantWithSession(repos, { name: NAME, role: 'Head of Operations' });
  await repos.sessions.update(session.id, { reality: MARKER });
  return { db, repos };
}

async function backupOf(db: FollowthroughDatabase, keys = testBackupKeys()) {
  return encodeDatabase(db, 'export', { platform: memoryPlatform().platform, now, keys });
}

/** Restores on "another computer": a fresh database whose own keys are not those of the backup. */
async function restoreElsewhere(bytes: Uint8Array, typed?: string) {
  const { db } = openDatabase();
  const plan = await prepareRestore(db, bytes, { keepsSetting: keptByRestore, unlock: { held: [], typed } });
  if (plan.ok) await applyRestore(db, plan.value);
  return { plan, db };
}

describe('a sealed backup', () => {
  it('holds no private text anywhere in the file, and no name in its header', async () => {
    const { db } = await coachDatabase();
    const bytes = await backupOf(db);
    expect(contains(bytes, MARKER)).toBe(false);
    expect(contains(bytes, NAME)).toBe(false);
    // Compression is no cover: the payload is no gzip stream anyone can unpack.
    expect(() => gunzipSync(bytes.subarray(bytes.indexOf(0x0a) + 1))).toThrow();
    const header = headerOf(bytes);
    expect(header).toMatchObject({
      formatVersion: 2,
      counts: expect.objectContaining({ participants: 1, sessions: 1 }),
      encryption: { method: 'recovery-key', cipher: 'AES-256-GCM', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) },
      payload: { encoding: 'aes-256-gcm+gzip+json' },
    });
  });

  it('opens on the computer that made it without asking, equal record for record', async () => {
    const { db } = await coachDatabase();
    const keys = testBackupKeys();
    const bytes = await backupOf(db, keys);
    const decoded = await decodeBackup(bytes, {
      maxSchemaVersion: CURRENT_SCHEMA_VERSION,
      unlock: await keys.unlock(),
    });
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.tables.sessions).toEqual(await db.sessions.toArray());
  });

  it('leaves this computer’s backup key out of the backup, and a restore keeps the key here', async () => {
    const { db, repos } = await coachDatabase();
    const keys = testBackupKeys(repos.settings);
    const bytes = await backupOf(db, keys);
    const stored = await repos.settings.value(BACKUP_KEY_SETTING);
    expect(stored).toBeDefined();
    const decoded = await decodeBackup(bytes, {
      maxSchemaVersion: CURRENT_SCHEMA_VERSION,
      unlock: await keys.unlock(),
    });
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.tables.settings.map((setting) => (setting as { key: string }).key)).not.toContain(
      BACKUP_KEY_SETTING,
    );
    expect(keptByRestore(BACKUP_KEY_SETTING)).toBe(true);
    const plan = await prepareRestore(db, bytes, { keepsSetting: keptByRestore, unlock: await keys.unlock() });
    if (!plan.ok) throw new Error(plan.error);
    await applyRestore(db, plan.value);
    expect(await repos.settings.value(BACKUP_KEY_SETTING)).toEqual(stored);
  });

  it('restores on another computer with its recovery key, and not without', async () => {
    const { db } = await coachDatabase();
    const settings = memorySettings();
    const bytes = await backupOf(db, testBackupKeys(settings));
    const recoveryKey = await recoveryKeyText((await revealRecoveryKey(settings))!.key);

    const without = await restoreElsewhere(bytes);
    expect(without.plan).toMatchObject({ ok: false, kind: 'needs-key', keyMethod: 'recovery-key' });
    expect(await without.db.sessions.count()).toBe(0);

    const restored = await restoreElsewhere(bytes, recoveryKey.toLowerCase().replaceAll('-', ' '));
    expect(restored.plan.ok).toBe(true);
    expect((await restored.db.sessions.toArray())[0].reality).toBe(MARKER);
  });

  it('says “does not open” for another recovery key and “typo” for a mistyped one, changing nothing', async () => {
    const { db } = await coachDatabase();
    const settings = memorySettings();
    const bytes = await backupOf(db, testBackupKeys(settings));
    const right = await recoveryKeyText((await revealRecoveryKey(settings))!.key);
    const another = await recoveryKeyText(newRecoveryKeyBytes());
    const typo = `${right.slice(0, 10)}${right[10] === 'A' ? 'B' : 'A'}${right.slice(11)}`;

    const wrong = await restoreElsewhere(bytes, another);
    expect(wrong.plan).toEqual({
      ok: false,
      kind: 'wrong-key',
      keyMethod: 'recovery-key',
      error: 'This recovery key does not open this backup. Nothing was changed.',
    });
    expect(await wrong.db.participants.count()).toBe(0);
    for (const typed of [typo, right.slice(0, -1), `${right.slice(0, -1)}U`]) {
      const mistyped = await restoreElsewhere(bytes, typed);
      expect(mistyped.plan).toMatchObject({ ok: false, kind: 'key-typo' });
      expect(!mistyped.plan.ok && mistyped.plan.error).toMatch(/^That recovery key has a typo/);
      expect(await mistyped.db.participants.count()).toBe(0);
    }
  });

  it('restores on another computer with the passphrase the coach chose, and not with a wrong one', async () => {
    const { db } = await coachDatabase();
    const settings = memorySettings();
    await choosePassphrase(settings, 'correct horse battery', now());
    const bytes = await backupOf(db, testBackupKeys(settings));
    expect(headerOf(bytes).encryption).toMatchObject({
      method: 'passphrase',
      kdf: { name: 'PBKDF2-SHA-256', iterations: 600_000 },
    });
    expect(contains(bytes, 'correct horse battery')).toBe(false);
    expect(JSON.stringify(settings.values.get(BACKUP_KEY_SETTING))).not.toContain('correct horse');

    expect((await restoreElsewhere(bytes)).plan).toMatchObject({
      ok: false,
      kind: 'needs-key',
      keyMethod: 'passphrase',
    });
    const wrong = await restoreElsewhere(bytes, 'correct horse batteries');
    expect(wrong.plan).toMatchObject({
      ok: false,
      kind: 'wrong-key',
      error: 'This passphrase does not open this backup. Nothing was changed.',
    });
    expect(await wrong.db.participants.count()).toBe(0);
    const restored = await restoreElsewhere(bytes, 'correct horse battery');
    expect((await restored.db.sessions.toArray())[0].reality).toBe(MARKER);
  }, 30_000);

  it('refuses a changed payload or a changed header with the checksum message, changing nothing', async () => {
    const { db } = await coachDatabase();
    const keys = testBackupKeys();
    const bytes = await backupOf(db, keys);
    const headerEnd = bytes.indexOf(0x0a);
    const payload = bytes.slice();
    payload[headerEnd + 20] ^= 0x01;
    const header = headerOf(bytes);
    const swapped = Buffer.concat([
      Buffer.from(JSON.stringify({ ...header, createdAt: '2020-01-01T00:00:00.000Z' })),
      bytes.subarray(headerEnd),
    ]);
    for (const changed of [payload, swapped]) {
      const { db: target } = openDatabase();
      const plan = await prepareRestore(target, changed, { unlock: await keys.unlock() });
      expect(plan).toMatchObject({ ok: false, kind: 'checksum' });
      expect(!plan.ok && plan.error).toContain('does not match its checksum');
      expect(await target.participants.count()).toBe(0);
    }
  });

  it('keeps the keys it replaced, so this computer still opens its older backups', async () => {
    const { db, repos } = await coachDatabase();
    const keys = testBackupKeys(repos.settings);
    const older = await backupOf(db, keys);
    await createRecoveryKey(repos.settings, now());
    const newer = await backupOf(db, keys);
    expect(headerOf(newer).encryption.keyId).not.toBe(headerOf(older).encryption.keyId);
    expect((await readBackupEncryption(repos.settings))?.earlier).toHaveLength(1);
    for (const bytes of [older, newer]) {
      const plan = await prepareRestore(db, bytes, { keepsSetting: keptByRestore, unlock: await keys.unlock() });
      expect(plan.ok).toBe(true);
    }
  });

  it('shows a recovery key made at the first backup once, then never again', async () => {
    const settings = memorySettings();
    const { db } = await coachDatabase();
    await backupOf(db, testBackupKeys(settings));
    expect(await readBackupEncryption(settings)).toMatchObject({ chosen: false, current: { shown: false } });
    expect((await revealRecoveryKey(settings))?.key).toHaveLength(32);
    expect(await revealRecoveryKey(settings)).toBeNull();
    expect(await readBackupEncryption(settings)).toMatchObject({ chosen: true, current: { shown: true } });
  });
});

describe('the recovery key as text', () => {
  it('reads back what it wrote, whatever the case, spacing and look-alike letters (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (key) => {
        const text = await recoveryKeyText(key);
        expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
        const sloppy = text.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
        expect(await readRecoveryKey(sloppy)).toEqual({ ok: true, key });
      }),
      { numRuns: 100 },
    );
  });
});

describe('format 1 (unsealed) backups of the previous version', () => {
  it('still restore exactly as before', async () => {
    const file = new Uint8Array(
      readFileSync(join(__dirname, '../../fixtures/backup/format-1-data-version-12.ftbackup')),
    );
    expect(headerOf(file)).toMatchObject({ formatVersion: 1, payload: { encoding: 'gzip+json' } });
    const { plan, db } = await restoreElsewhere(file);
    if (!plan.ok) throw new Error(plan.error);
    expect(await db.participants.count()).toBe(4);
    expect(await db.sessions.count()).toBe(24);
    expect(await db.actions.count()).toBe(96);
    expect((await db.templates.toArray())[0].data).toBeInstanceOf(Uint8Array);
  });
});

describe('the envelope (property)', () => {
  it('round-trips any bytes, and refuses any single changed byte of the file', async () => {
    const key = await importBackupKey(newRecoveryKeyBytes(), 'recovery-key', null);
    const unlock = { held: [key] };
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (data, at, flip) => {
          const tables = { templates: [{ id: 't', data }] };
          const file = await encodeBackup(
            { schemaVersion: 1, stores: { templates: 'id' }, tables },
            { appVersion: 'test', createdAt: now(), kind: 'manual', key },
          );
          const opened = await decodeBackup(file, { maxSchemaVersion: 1, unlock });
          expect(opened.ok && opened.value.tables).toEqual(tables);
          const changed = file.slice();
          changed[at % file.length] ^= flip;
          expect((await decodeBackup(changed, { maxSchemaVersion: 1, unlock })).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('what a backup shows without its key (property)', () => {
  it('no text a coach wrote, in any field of any record, appears in any byte of the file', async () => {
    // Long enough that random ciphertext never holds it by chance: a 3-byte mark turns up in some
    // tens of kilobytes of ciphertext in a few runs in a hundred.
    const MARK = 'coach-wrote:';
    const written = fc.string({ minLength: 6, maxLength: 40 }).map((text) => `${MARK}${text}`);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(written, { minLength: 6, maxLength: 6 }),
        async (seed, texts) => {
          const dataset = generateDataset({ size: 'small', seed });
          const [name, goal, reality, notes, action, commitment] = texts;
          dataset.participants[0].name = name;
          Object.assign(dataset.sessions[0], { goal, reality, notes });
          dataset.actions[0].text = action;
          if (dataset.contracts[0]?.commitments[0]) dataset.contracts[0].commitments[0].text = commitment;
          const { db } = openDatabase();
          await fillDatabase(db, dataset);
          const bytes = await backupOf(db);
          for (const text of texts) expect(contains(bytes, text)).toBe(false);
          expect(contains(bytes, MARK)).toBe(false);
          await db.delete();
        },
      ),
      { numRuns: 10 },
    );
  }, 60_000);
});
