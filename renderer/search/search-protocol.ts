// Messages between the page and the search worker.
import type { KeyringShare } from '../db/encryption/keyring';
import type { SearchHit } from './search-index';

export type SearchRequest = { requestId: number; query: string; limitPerKind: number; keyring: KeyringShare };
export type SearchReply = { requestId: number; hits: SearchHit[] } | { requestId: number; error: string };
