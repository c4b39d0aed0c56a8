// Whatever file the coach picks, a restore that cannot be done changes nothing and says exactly
// why: a truncated file, a wrong checksum, a file that is not a backup, one too large, one from a
// newer version, invalid records, and a restore that fails half-way through its transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../shared/demo-dataset';
import { openTestDatabase } from '../db/test-database';
import { encodeBackup, type BackupTables } from '../../../renderer/backup/backup-format';
import { encodeDatabase } from '../../../renderer/backup/backup-service';
import { prepareRestore } from '../../../renderer/backup/restore';
import { readBackupBlob } from '../../../renderer/backup/read-backup-file';
import { runRestore } from '../../../renderer/backup/run-restore';
import { readSnapshot } from '../../../renderer/backup/snapshot';
import { CURRENT_SCHEMA_VERSION, type FollowthroughDatabase } from '../../../renderer/db/database';
import { MAX_BACKUP_BYTES } from '../../../shared/backup-files';
import { bundledTemplate } from '../documents/template-builders';
import { allRecords, fillDatabase, memoryPlatform, testBackupKeys } from './backup-data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const now = () => Date.UTC(2026, 10, 28, 9);
const keys = testBackupKeys();
const meta = async (appVersion = 'x') => ({
  appVersion,
  createdAt: now(),
  kind: 'export' as const,
  key: await keys.forNewBackup(),
});
let db: FollowthroughDatabase;
let backup: Uint8Array;
let before: Record<string, unknown[]>;

beforeEach(async () => {
  const source = openTestDatabase().db;
  await fillDatabase(source, generateDataset({ size: 'small', seed: 7 }));
  backup = await encodeDatabase(source, 'export', { platform: memoryPlatform().platform, now, keys });
  await source.delete();
  db = openTestDatabase().db;
  await fillDatabase(db, generateDataset({ size: 'small', seed: 99 }));
  before = await allRecords(db);
});
afterEach(() => db.delete());

async function refusal(bytes: Uint8Array) {
  const plan = await prepareRestore(db, bytes, { unlock: await keys.unlock() });
  expect(plan.ok).toBe(false);
  expect(await allRecords(db)).toEqual(before);
  return plan as { ok: false; kind: string; error: string };
}

const headerEnd = (bytes: Uint8Array) => bytes.indexOf(0x0a) + 1;

describe('restoring a bad file', () => {
  it('a truncated backup: says how much is missing', async () => {
    const cut = await refusal(backup.subarray(0, backup.length - 1000));
    expect(cut.kind).toBe('truncated');
    expect(cut.error).toMatch(/incomplete: it should hold .* but the file ends after .*cut off/);
    expect(cut.error).toContain('Nothing was changed');
  });

  it('a backup cut inside its first line is not recognised as a backup', async () => {
    expect((await refusal(backup.subarray(0, 40))).kind).toBe('not-a-backup');
  });

  it('a wrong checksum: one changed byte in the records', async () => {
    const changed = backup.slice();
    changed[headerEnd(changed) + 100] ^= 0xff;
    const refused = await refusal(changed);
    expect(refused.kind).toBe('checksum');
    expect(refused.error).toContain('does not match its checksum');
  });

  it('a wrong checksum: the header, which the records are bound to, edited', async () => {
    const text = new TextDecoder().decode(backup.subarray(0, headerEnd(backup)));
    const header = JSON.parse(text);
    header.counts.sessions -= 1;
    const edited = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
    const file = new Uint8Array([...edited, ...backup.subarray(headerEnd(backup))]);
    expect((await refusal(file)).kind).toBe('checksum');
  });

  it('extra bytes after the records count as a changed file', async () => {
    expect((await refusal(new Uint8Array([...backup, 1, 2, 3]))).kind).toBe('checksum');
  });

  it.each([
    ['a Word document', bundledTemplate('Session-Summary.docx'), /ZIP archive or an Office document/],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n1 0 obj'), /PDF/],
    ['JSON of another kind', new TextEncoder().encode('{"participants":[]}\n'), /JSON of another kind/],
    ['an empty file', new Uint8Array(), /empty/],
    ['random bytes', crypto.getRandomValues(new Uint8Array(4096)), /another kind/],
  ])('a file that is not a backup: %s', async (_what, bytes, description) => {
    const refused = await refusal(bytes);
    expect(refused.kind).toBe('not-a-backup');
    expect(refused.error).toMatch(/^This file is not a Followthrough backup\./);
    expect(refused.error).toMatch(description);
  });

  it('a 200 MB file is refused by its size, before a byte of it is read', async () => {
    const size = 200 * 1024 * 1024;
    const file = {
      size,
      arrayBuffer: () => Promise.reject(new Error('a file over the limit must not be read')),
    };
    const read = await readBackupBlob(file);
    expect(read).toEqual({
      ok: false,
      kind: 'too-large',
      error: expect.stringMatching(/This file is 200 MB; Followthrough restores backups of up to 100 MB/),
    });
    expect(size).toBeGreaterThan(MAX_BACKUP_BYTES);
    // The same check guards bytes that arrive by another way (the desktop backups folder).
    const bytes = new Uint8Array(size);
    bytes.set(backup.subarray(0, headerEnd(backup)));
    expect((await refusal(bytes)).kind).toBe('too-large');
  });

  it('a backup from a newer version of the app: says to update first', async () => {
    const newer = await encodeBackup(
      { schemaVersion: CURRENT_SCHEMA_VERSION + 1, stores: {}, tables: {} },
      await meta('9.0.0'),
    );
    const refused = await refusal(newer);
    expect(refused.kind).toBe('newer-version');
    expect(refused.error).toContain(`(9.0.0, data version ${CURRENT_SCHEMA_VERSION + 1})`);
    expect(refused.error).toContain('Update Followthrough, then restore it');
  });

  it('a backup holding invalid records: names the first ones', async () => {
    const content = await readSnapshot(db);
    const tables: BackupTables = {
      ...content.tables,
      sessions: [{ ...(content.tables.sessions[0] as object), date: '2026-02-30' }],
    };
    const refused = await refusal(await encodeBackup({ ...content, tables }, await meta()));
    expect(refused.kind).toBe('invalid-records');
    expect(refused.error).toContain('sessions #1: date: That date does not exist on the calendar');
  });

  it('a backup holding two records with one id: refused before the preview, naming the table', async () => {
    const content = await readSnapshot(db);
    const [first] = content.tables.participants as { id: string }[];
    const tables: BackupTables = {
      ...content.tables,
      participants: [...content.tables.participants, { ...first, name: 'A second copy' }],
    };
    const refused = await refusal(await encodeBackup({ ...content, tables }, await meta()));
    expect(refused.kind).toBe('invalid-records');
    expect(refused.error).toBe(
      `This backup holds two records in its participants table with the id ${first.id} (the second is #${tables.participants.length}), so it was not restored. Nothing was changed.`,
    );
  });

  it('a format 1 header, which its checksum does not cover, damaged: the preview reads the sessions from the records', async () => {
    const file = readFileSync(join(__dirname, '../../fixtures/backup/format-1-data-version-12.ftbackup'));
    const end = file.indexOf(0x0a);
    const header = JSON.parse(new TextDecoder().decode(file.subarray(0, end)));
    const { firstSessionDate, lastSessionDate } = header.range;
    header.range = { ...header.range, firstSessionDate: '2026-1?-02', lastSessionDate: 'someday' };
    const damaged = new Uint8Array([...new TextEncoder().encode(JSON.stringify(header)), ...file.subarray(end)]);
    const plan = await prepareRestore(db, damaged);
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.value.header.range).toMatchObject({ firstSessionDate, lastSessionDate });
    expect(firstSessionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a restore that fails half-way through its transaction leaves every record as it was', async () => {
    const plan = await prepareRestore(db, backup, { unlock: await keys.unlock() });
    if (!plan.ok) throw new Error(plan.error);
    // Two records with one key: the write fails after several tables were already replaced.
    const actions = plan.value.tables.actions;
    plan.value.tables.actions = [...actions, actions[0]];
    const restored = await runRestore(db, plan.value, { platform: memoryPlatform().platform, now, keys });
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.error).toMatch(
      /^The restore stopped before it finished \(.+\)\. It is all or nothing, so your data is exactly as it was/,
    );
    expect(await allRecords(db)).toEqual(before);
  });

  it('a restore whose safety backup cannot be made does not start', async () => {
    const plan = await prepareRestore(db, backup, { unlock: await keys.unlock() });
    if (!plan.ok) throw new Error(plan.error);
    const { platform } = memoryPlatform();
    const restored = await runRestore(db, plan.value, {
      platform: { ...platform, writeBackup: async () => ({ ok: false, error: 'The disk is full' }) },
      now,
      keys,
    });
    expect(restored).toEqual({
      ok: false,
      error:
        'The disk is full. Without a safety copy of your current data nothing was restored; your data is unchanged.',
    });
    expect(await allRecords(db)).toEqual(before);
  });
});
