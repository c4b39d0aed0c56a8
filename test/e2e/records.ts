// Reads the app's records straight from IndexedDB in the page, and says which fields of which
// records differ between two readings: the sweeps use it to prove a gesture changed only what it meant to.
import type { Page } from 'playwright-core';

/** The stores a coach's gesture may change; bookkeeping (outbox, metric facts, search) is left out. */
export const coachRecordStores = [
  'participants',
  'sessions',
  'actions',
  'actionReviews',
  'contracts',
  'contractReviews',
] as const;

export type RecordSnapshot = Record<string, Record<string, Record<string, unknown>>>;

/** One read of one store: every record, every key, the count, or the record under `key`. */
export type StoreRead =
  { store: string; read: 'getAll' | 'getAllKeys' | 'count' } | { store: string; read: 'get'; key: string };

/**
 * Runs the reads in the page against the app's IndexedDB, through a connection of its own and in
 * one transaction, so no write lands between them. A store the database lacks reads as undefined.
 */
export function readStores(page: Page, reads: readonly StoreRead[]): Promise<unknown[]> {
  return page.evaluate(
    (reads) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('followthrough');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const results: unknown[] = reads.map(() => undefined);
          const present = reads.filter((read) => db.objectStoreNames.contains(read.store));
          if (present.length === 0) {
            db.close();
            return resolve(results);
          }
          const transaction = db.transaction([...new Set(present.map((read) => read.store))], 'readonly');
          for (const read of present) {
            const store = transaction.objectStore(read.store);
            const answer =
              read.read === 'get'
                ? store.get(read.key)
                : read.read === 'getAll'
                  ? store.getAll()
                  : read.read === 'getAllKeys'
                    ? store.getAllKeys()
                    : store.count();
            answer.onsuccess = () => (results[reads.indexOf(read)] = answer.result);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(results);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [...reads],
  );
}

/** One read of the app's IndexedDB in the page; see `readStores`. */
export async function readStore<T>(page: Page, read: StoreRead): Promise<T> {
  const [result] = await readStores(page, [read]);
  return result as T;
}

export async function readRecords(page: Page, stores: readonly string[] = coachRecordStores): Promise<RecordSnapshot> {
  const all = await readStores(
    page,
    stores.map((store) => ({ store, read: 'getAll' })),
  );
  const snapshot: RecordSnapshot = {};
  stores.forEach((store, index) => {
    const records = all[index] as Record<string, unknown>[] | undefined;
    // Settings are kept by key, every other record by id.
    if (records)
      snapshot[store] = Object.fromEntries(records.map((record) => [String(record.id ?? record.key), record]));
  });
  return snapshot;
}

export type FieldChange = { store: string; id: string; field: string; before: unknown; after: unknown };

/** Every field that differs, `updatedAt` aside; a record added or removed shows as its field `*`. */
export function changedFields(before: RecordSnapshot, after: RecordSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const store of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[store] ?? {};
    const now = after[store] ?? {};
    for (const id of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (!old[id] || !now[id]) {
        changes.push({ store, id, field: '*', before: old[id], after: now[id] });
        continue;
      }
      for (const field of new Set([...Object.keys(old[id]), ...Object.keys(now[id])])) {
        if (field === 'updatedAt') continue;
        if (JSON.stringify(old[id][field]) !== JSON.stringify(now[id][field])) {
          changes.push({ store, id, field, before: old[id][field], after: now[id][field] });
        }
      }
    }
  }
  return changes;
}
