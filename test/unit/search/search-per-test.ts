// A fresh database per test and a search index over it, the index closed before the database
// is deleted after each test.
import { afterEach } from 'vitest';
import { databasePerTest, participantWithSession } from '../db/test-database';
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
  const indexOver = (db: FollowthroughDatabase) => (index = new SearchIndex(db));
  return {
    openDatabase,
    /** Opens the search index over `db`; it is closed after the test. */
    indexOver,
    /** A session whose Reality says "Escalations bypass the triage RACI", found once by the index. */
    async indexedSession() {
      const opened = openDatabase();
      const { session } = await participantWithSession(opened.repos, { name: 'Amara Okafor' });
      await opened.repos.sessions.update(session.id, { reality: 'Escalations bypass the triage RACI' });
      const searchIndex = indexOver(opened.db);
      if ((await searchIndex.search('bypass')).length !== 1) throw new Error('the index did not find the session');
      return { ...opened, session, index: searchIndex };
    },
  };
}
