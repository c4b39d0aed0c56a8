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
 * Sealed records are opened as the app would, with the data key this browser keeps (read from the
 * web secret store, as a script of this origin could): an independent reader of the stored format.
 */
export function readStores(page: Page, reads: readonly StoreRead[]): Promise<unknown[]> {
  return page.evaluate(
    async (reads) => {
      const opened = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await opened(indexedDB.open('followthrough'));
      const results: unknown[] = reads.map(() => undefined);
      const present = reads.filter((read) => db.objectStoreNames.contains(read.store));
      if (present.length > 0) {
        const transaction = db.transaction([...new Set(present.map((read) => read.store))], 'readonly');
        const answers = present.map((read) => {
          const store = transaction.objectStore(read.store);
          const request =
            read.read === 'get'
              ? store.get(read.key)
              : read.read === 'getAll'
                ? store.getAll()
                : read.read === 'getAllKeys'
                  ? store.getAllKeys()
                  : store.count();
          return opened(request as IDBRequest<unknown>);
        });
        (await Promise.all(answers)).forEach((answer, index) => (results[reads.indexOf(present[index])] = answer));
      }
      db.close();

      const isSealed = (row: unknown): row is Record<string, unknown> & { sealed: Uint8Array } =>
        typeof row === 'object' && row !== null && 'sealed' in row;
      if (!results.some((result) => (Array.isArray(result) ? result.some(isSealed) : isSealed(result)))) return results;
      const encoder = new TextEncoder();
      /** The data key as the web secret store keeps it while the app lock is off. */
      const keyFromSecretStore = async (): Promise<CryptoKey | undefined> => {
        const secrets = await opened(indexedDB.open('followthrough-secrets'));
        const read = secrets.transaction(['keys', 'secrets']);
        const [browserKey, secret] = await Promise.all([
          opened(read.objectStore('keys').get('aes-gcm')) as Promise<{ key: CryptoKey } | undefined>,
          opened(read.objectStore('secrets').get('data-key')) as Promise<
            { iv: Uint8Array; ciphertext: ArrayBuffer } | undefined
          >,
        ]);
        secrets.close();
        if (!browserKey || !secret) return undefined;
        const rawKey = new TextDecoder().decode(
          await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: secret.iv as BufferSource, additionalData: encoder.encode('data-key') },
            browserKey.key,
            secret.ciphertext,
          ),
        );
        const raw = Uint8Array.from(atob(rawKey), (char) => char.charCodeAt(0));
        return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
      };
      // Kept in the page once read: turning the app lock on takes the key out of the secret store
      // (only the passcode opens it then), and a test reading on afterwards still sees its records.
      const page = window as unknown as { followthroughTestDataKey?: CryptoKey };
      page.followthroughTestDataKey ??= await keyFromSecretStore();
      const dataKey = page.followthroughTestDataKey;
      if (!dataKey) return results;
      const open = async (store: string, row: unknown) => {
        if (!isSealed(row)) return row;
        const { sealed, ...clear } = row;
        const name = typeof clear.id === 'string' ? clear.id : typeof clear.key === 'string' ? clear.key : '';
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: sealed.subarray(0, 12) as BufferSource,
            additionalData: encoder.encode(`${store}\u0000${name}`),
          },
          dataKey,
          sealed.subarray(12) as BufferSource,
        );
        return { ...clear, ...(JSON.parse(new TextDecoder().decode(plain)) as object) };
      };
      return Promise.all(
        results.map((result, index) =>
          Array.isArray(result)
            ? Promise.all(result.map((row) => open(reads[index].store, row)))
            : open(reads[index].store, result),
        ),
      );
    },
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
    // Settings are kept by key, every other record by id. Where the data key is kept is bookkeeping
    // (turning the lock on moves it), like the outbox.
    if (records)
      snapshot[store] = Object.fromEntries(
        records
          .filter((record) => record.key !== 'encryption.data-key')
          .map((record) => [String(record.id ?? record.key), record]),
      );
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
