// A cheap look, before anything opens the database, at whether it was stored by an older schema
// version: IndexedDB lists each database with its version (Dexie stores version × 10).
export async function isStoredVersionOlder(name: string, currentVersion: number): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  const stored = (await indexedDB.databases()).find((database) => database.name === name);
  return stored?.version !== undefined && stored.version < currentVersion * 10;
}
