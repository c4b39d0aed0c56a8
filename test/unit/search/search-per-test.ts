// A fresh database per test and a search index over it, the index closed before the database
// is deleted after each test.
import { afterEach } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { SearchIndex } from '../../../renderer/search/search-index';
import type { FollowthroughDatabase } from '../../../renderer/db/database';

export function searchPerTest() {
  const openDatabase = databasePerTest();
  let index: SearchIndex | undefined;
  // Registered after the database's hook, so it runs first (vitest runs after-hooks as a stack).
  afterEach(() => {
    index?.close();
    index = undefined;
  });
  return {
    openDatabase,
    /** Opens the search index over `db`; it is closed after the test. */
    indexOver: (db: FollowthroughDatabase) => (index = new SearchIndex(db)),
  };
}
