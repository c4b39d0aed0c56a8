// Export everything, restore into a fresh database: every table equal record for record, for the
// five-year "large" dataset and for random datasets with awkward text, bytes and settings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDataset } from '../../../shared/demo-dataset';
import { openTestDatabase } from '../db/test-database';
import { encodeDatabase } from '../../../renderer/backup/backup-service';
import { applyRestore, prepareRestore } from '../../../renderer/backup/restore';
import { allRecords, fillDatabase, memoryPlatform, testBackupKeys } from './backup-data';
import type { StoredTemplate } from '../../../shared/model';

const keys = testBackupKeys();
const deps = () => ({ platform: memoryPlatform().platform, now: () => Date.UTC(2026, 10, 28, 9), keys });

async function roundTrip(fill: (db: ReturnType<typeof openTestDatabase>['db']) => Promise<void>) {
  const source = openTestDatabase().db;
  const target = openTestDatabase().db;
  try {
    await fill(source);
    const bytes = await encodeDatabase(source, 'export', deps());
    const plan = await prepareRestore(target, bytes, { unlock: await keys.unlock() });
    if (!plan.ok) throw new Error(plan.error);
    await applyRestore(target, plan.value);
    return { before: await allRecords(source), after: await allRecords(target), bytes };
  } finally {
    await source.delete();
    await target.delete();
  }
}

describe('backup round trip', () => {
  it('previews no change at all when a database restores its own backup', async () => {
    const { db } = openTestDatabase();
    await fillDatabase(db, generateDataset({ size: 'small', seed: 3 }));
    const plan = await prepareRestore(db, await encodeDatabase(db, 'export', deps()), { unlock: await keys.unlock() });
    if (!plan.ok) throw new Error(plan.error);
    for (const change of plan.value.changes) {
      expect(change).toEqual({
        table: change.table,
        inBackup: change.now,
        now: change.now,
        added: 0,
        removed: 0,
        changed: 0,
      });
    }
    expect(plan.value.changedSinceBackup).toBe(0);
    expect(plan.value.upgradedFrom).toBeNull();
    await db.delete();
  });

  it('restores the large five-year dataset equal record for record', async () => {
    const dataset = generateDataset({ size: 'large' });
    const { before, after, bytes } = await roundTrip((db) => fillDatabase(db, dataset));
    expect(before.actions).toHaveLength(12_000);
    expect(after).toEqual(before);
    // Small enough to keep 22 of them: about 2 MB for five years of a busy coach.
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
  }, 300_000);

  it('restores random datasets with any text, bytes and settings (property)', async () => {
    const awkwardText = fc.string({ unit: 'binary', maxLength: 200 });
    // A backup is JSON, where -0 is written as 0: a setting holds what JSON can say.
    const settingValue = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(awkwardText, { minLength: 1, maxLength: 6 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), settingValue, { maxKeys: 5 }),
        fc.uint8Array({ minLength: 1, maxLength: 5000 }),
        async (seed, notes, settings, templateBytes) => {
          const dataset = generateDataset({ size: 'small', seed });
          dataset.sessions.forEach((session, index) => (session.notes = notes[index % notes.length]));
          dataset.participants[0].notes = notes[0];
          const template: StoredTemplate = {
            id: crypto.randomUUID(),
            kind: 'grow-checklist',
            name: 'Mine.docx',
            data: templateBytes,
            active: false,
            createdAt: 1,
            updatedAt: 1,
          };
          const { before, after } = await roundTrip(async (db) => {
            await fillDatabase(db, dataset);
            await db.templates.add(template);
            await db.settings.bulkPut(Object.entries(settings).map(([key, value]) => ({ key: `x.${key}`, value })));
          });
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});
