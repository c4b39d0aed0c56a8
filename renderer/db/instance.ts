// The app's one open database and its repositories.
import { FollowthroughDatabase } from './database';
import { createRepositories } from './repositories';
import { createLogger } from '../../shared/logger';

const log = createLogger('db');

/** Its keyring holds the data key: opened at start or at unlock, forgotten when the app locks. */
export const database = new FollowthroughDatabase();
export const repositories = createRepositories(database);

/** Asks the browser not to evict coach data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  const persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  if (!persisted) log.warn('storage is not persistent; the browser may evict data under pressure');
  return persisted;
}
