// Removing acknowledged entries by key range: whatever the mix of entries in the outbox, exactly
// the candidates whose stored snapshot the upstream now holds are removed, and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestDatabase } from '../db/test-database';
import { acknowledge, type StoredEntry } from '../../../renderer/sync/outbox-queue';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import type { OutboxEntry } from '../../../shared/model';

const recordIds = ['a', 'b', 'c', 'd'].map((letter) => `00000000-0000-4000-8000-00000000000${letter}`);

function entry(recordId: string, version: number, state: OutboxEntry['state']): OutboxEntry {
  return {
    recordType: 'action',
    recordId,
    idempotencyKey: `action:${recordId}:${version}`,
    payloadVersion: 1,
    payload: { id: recordId, updatedAt: version },
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    state,
    createdAt: version,
    updatedAt: version,
  };
}

const stored = fc.array(
  fc.record({
    recordId: fc.constantFrom(...recordIds),
    version: fc.integer({ min: 1, max: 6 }),
    state: fc.constantFrom<OutboxEntry['state']>('pending', 'pending', 'parked', 'held'),
    candidate: fc.boolean(),
    // An edit rewrote the entry in place after it was read: the stored snapshot is newer.
    rewrittenTo: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  }),
  { maxLength: 40 },
);
const acknowledgedVersions = fc.dictionary(fc.constantFrom(...recordIds), fc.integer({ min: 0, max: 6 }));

let db: FollowthroughDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('acknowledge', () => {
  it('removes exactly the candidates whose stored snapshot is not newer than the acknowledged version', async () => {
    await fc.assert(
      fc.asyncProperty(stored, acknowledgedVersions, async (rows, versions) => {
        await db?.delete();
        db = openTestDatabase().db;
        const seqs = (await db.outbox.bulkAdd(
          rows.map((row) => entry(row.recordId, row.version, row.state)),
          { allKeys: true },
        )) as number[];
        const asRead: StoredEntry[] = rows.map((row, index) => ({
          ...entry(row.recordId, row.version, row.state),
          seq: seqs[index],
        }));
        for (const [index, row] of rows.entries()) {
          if (row.rewrittenTo !== null) {
            await db.outbox.update(seqs[index], { payload: { id: row.recordId, updatedAt: row.rewrittenTo } });
          }
        }
        const candidates = asRead.filter((_, index) => rows[index].candidate);
        const acknowledged = new Map(Object.entries(versions));

        const removed = await acknowledge(db, candidates, acknowledged);

        const expected = rows.flatMap((row, index) => {
          const version = row.rewrittenTo ?? row.version;
          const done = row.candidate && version <= (acknowledged.get(row.recordId) ?? -1);
          return done ? [] : [seqs[index]];
        });
        expect(await db.outbox.toCollection().primaryKeys()).toEqual(expected);
        expect(removed).toBe(rows.length - expected.length);
      }),
      { numRuns: 60 },
    );
  });
});
