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

export function readRecords(page: Page, stores: readonly string[] = coachRecordStores): Promise<RecordSnapshot> {
  return page.evaluate(
    (names) =>
      new Promise<RecordSnapshot>((resolve, reject) => {
        const request = indexedDB.open('followthrough');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const present = names.filter((name) => db.objectStoreNames.contains(name));
          const transaction = db.transaction(present, 'readonly');
          const snapshot: RecordSnapshot = {};
          for (const name of present) {
            const all = transaction.objectStore(name).getAll();
            all.onsuccess = () => {
              snapshot[name] = Object.fromEntries(
                // Settings are kept by key, every other record by id.
                (all.result as Record<string, unknown>[]).map((record) => [String(record.id ?? record.key), record]),
              );
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(snapshot);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [...stores],
  );
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
