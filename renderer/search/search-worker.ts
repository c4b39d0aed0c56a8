// Builds and queries the search index off the main thread, so indexing years of notes never
// stalls typing. The worker opens the same IndexedDB database as the page.
import { FollowthroughDatabase } from '../db/database';
import { adoptKeyring } from '../db/encryption/keyring';
import { errorMessage } from '../../shared/result';
import { SearchIndex } from './search-index';
import type { SearchReply, SearchRequest } from './search-protocol';

const database = new FollowthroughDatabase();
const index = new SearchIndex(database);

self.onmessage = async ({ data }: MessageEvent<SearchRequest>) => {
  let reply: SearchReply;
  try {
    adoptKeyring(database.keyring, data.keyring);
    // An empty query only brings the index up to date: the page sends one at idle to warm it.
    if (!data.query.trim()) await index.catchUp();
    reply = { requestId: data.requestId, hits: await index.search(data.query, data.limitPerKind) };
  } catch (error) {
    reply = { requestId: data.requestId, error: errorMessage(error) };
  }
  self.postMessage(reply);
};
