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
