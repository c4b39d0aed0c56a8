// IndexedDB commits a transaction as soon as it has no request pending, and WebCrypto's promises
// are not IndexedDB requests: awaiting one inside a transaction would let it commit under us.
// While the work runs, this keeps one cheap read pending on the transaction, and hands the result
// back from inside that read's callback, where the transaction is still active. Dexie's own
// Dexie.waitFor works the same way; this is the same idea at the DBCore level, where our
// middleware has the IDBTransaction but not Dexie's zone.

/** A key no record has: asking for it is the cheapest request a store answers. */
const MISSING_KEY = '\uffff-followthrough-keep-alive';

export function waitInTransaction<T>(transaction: IDBTransaction, storeName: string, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let outcome: { value: T } | { error: unknown } | null = null;
    work.then(
      (value) => (outcome = { value }),
      (error: unknown) => (outcome = { error }),
    );
    const store = transaction.objectStore(storeName);
    const keepAlive = () => {
      let request: IDBRequest;
      try {
        request = store.get(MISSING_KEY);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      request.onsuccess = () => {
        if (outcome === null) keepAlive();
        else if ('value' in outcome) resolve(outcome.value);
        else reject(outcome.error);
      };
      request.onerror = () => reject(request.error ?? new Error('The database transaction failed'));
    };
    keepAlive();
  });
}

/** The engine's own Promise. Inside a transaction Dexie swaps the global one, statics included. */
const EnginePromise = (async () => {})().constructor as PromiseConstructor;

/**
 * Promise.all, immune to that swap. Dexie's own `all` expects each promise in its list to be
 * awaited inside the zone and replays the zone a hundred times for each: for a bulk write of
 * 10,000 records that was over a second of zone switching.
 */
export function allOf<T>(items: readonly (T | PromiseLike<T>)[]): Promise<T[]> {
  return new EnginePromise<T[]>((resolve, reject) => {
    const results = new Array<T>(items.length);
    let left = items.length;
    const settle = (index: number) => (value: T) => {
      results[index] = value;
      left -= 1;
      if (left === 0) resolve(results);
    };
    if (left === 0) resolve(results);
    items.forEach((item, index) => {
      if (isThenable(item)) item.then(settle(index), reject);
      else settle(index)(item);
    });
  });
}

const isThenable = <T>(item: T | PromiseLike<T>): item is PromiseLike<T> =>
  typeof (item as PromiseLike<T> | null)?.then === 'function';
