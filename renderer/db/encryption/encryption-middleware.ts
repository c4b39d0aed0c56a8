// Seals records on their way into IndexedDB and opens them on the way out, for every reader and
// writer at once (repositories, sync, search, backups, restore, erasure, upgrades), the way
// metricFactsMiddleware keeps the metric facts. It sits at the very bottom of Dexie's DBCore
// stack, so every other middleware, and everything above, sees records in clear; only IndexedDB
// sees them sealed. Without the key the sealed tables are neither read nor written (DataLockedError).
import Dexie from 'dexie';
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { DataLockedError, type Keyring } from './keyring';
import { freshIvs, isSealed, ivAt, openedBefore, openRecord, sealRecord, type StoredRecord } from './record-seal';
import { fieldsToSeal, isSealedTable } from './sealed-fields';
import { allOf, waitInTransaction } from './transaction-wait';

/** Below Dexie's own middlewares (the lowest is -1): they and the app see records in clear. */
const BELOW_DEXIE = -2;

export function encryptionMiddleware(keyring: Keyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'EncryptionMiddleware',
    level: BELOW_DEXIE,
    create: (down) => ({
      ...down,
      table: (name) => (isSealedTable(name) ? sealingTable(down.table(name), keyring) : down.table(name)),
    }),
  };
}

function sealingTable(down: DBCoreTable, keyring: Keyring): DBCoreTable {
  const table = down.name;

  /** Runs async crypto inside the caller's transaction, returning a promise Dexie's zone follows. */
  const inTransaction = <T>(trans: DBCoreTransaction, work: Promise<T>): Promise<T> =>
    Dexie.Promise.resolve(waitInTransaction(trans as unknown as IDBTransaction, table, work)) as Promise<T>;

  const keyFor = (record: StoredRecord): CryptoKey | null => {
    if (keyring.key) return keyring.key;
    if (isSealed(record) || (keyring.sealing && fieldsToSeal(table, record).length > 0)) throw new DataLockedError();
    return null;
  };

  /** The record in clear when that needs no WebCrypto (not sealed, or opened lately), else null. */
  const openAtOnce = (record: unknown): { record: unknown } | null => {
    if (typeof record !== 'object' || record === null) return { record };
    const key = keyFor(record as StoredRecord);
    if (!key || !isSealed(record)) return { record };
    const opened = openedBefore(table, record, keyring.opened);
    return opened ? { record: opened } : null;
  };

  /** Opens the records; only when some need WebCrypto does the transaction wait for it. */
  const openAll = (trans: DBCoreTransaction, records: unknown[]): Promise<unknown[]> => {
    const atOnce = records.map(openAtOnce);
    if (atOnce.every((opened) => opened !== null)) return Promise.resolve(atOnce.map((opened) => opened!.record));
    const opening = records.map((record, index) => {
      const opened = atOnce[index];
      return opened ? opened.record : openRecord(keyring.key!, table, record as StoredRecord, keyring.opened);
    });
    return inTransaction(trans, allOf(opening));
  };

  const sealAll = (req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> => {
    if (req.type !== 'add' && req.type !== 'put') return Promise.resolve(req);
    const key = keyring.key;
    if (!key) {
      for (const record of req.values as StoredRecord[]) keyFor(record);
      return Promise.resolve(req);
    }
    const records = req.values as StoredRecord[];
    const ivs = freshIvs(records.length);
    const values = allOf(
      records.map((record, index) => sealRecord(key, table, record, keyring.opened, ivAt(ivs, index))),
    );
    return inTransaction(
      req.trans,
      values.then((sealed) => ({ ...req, values: sealed })),
    );
  };

  return {
    ...down,
    mutate: (req) => sealAll(req).then((sealed) => down.mutate(sealed)),
    get: (req) => down.get(req).then((record) => openAll(req.trans, [record]).then(([opened]) => opened)),
    getMany: (req) => down.getMany(req).then((records) => openAll(req.trans, records)),
    query: (req) =>
      down
        .query(req)
        .then((response) =>
          req.values ? openAll(req.trans, response.result).then((result) => ({ ...response, result })) : response,
        ),
    openCursor: (req) =>
      down.openCursor(req).then((cursor) => (cursor && req.values ? openingCursor(cursor, openAll) : cursor)),
  };
}

/**
 * A cursor whose value is the record in clear: each step is opened before the caller sees it.
 * Every member is forwarded by hand: IndexedDB's own getters refuse any `this` but their cursor.
 */
function openingCursor(
  cursor: DBCoreCursor,
  openAll: (trans: DBCoreTransaction, records: unknown[]) => Promise<unknown[]>,
): DBCoreCursor {
  let current: unknown;
  const opening: DBCoreCursor = {
    get trans() {
      return cursor.trans;
    },
    get key() {
      return cursor.key;
    },
    get primaryKey() {
      return cursor.primaryKey;
    },
    get value() {
      return current;
    },
    get done() {
      return cursor.done;
    },
    continue: (key) => cursor.continue(key),
    continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count) => cursor.advance(count),
    stop: (value) => cursor.stop(value),
    fail: (error) => cursor.fail(error),
    start: (onNext) =>
      cursor.start(() => {
        openAll(cursor.trans, [cursor.value]).then(
          ([opened]) => {
            current = opened;
            try {
              onNext();
            } catch (error) {
              cursor.fail(error as Error);
            }
          },
          (error: Error) => cursor.fail(error),
        );
      }),
    // As Dexie's own: one step, then the cursor itself.
    next: () => {
      let stepsLeft = 1;
      return opening.start(() => (stepsLeft-- > 0 ? opening.continue() : opening.stop())).then(() => opening);
    },
  };
  return opening;
}
