// The app's search: one index over the app database, created on first use, and results shaped
// for display (a title, a highlighted excerpt, where to go).
import { format, parseISO } from 'date-fns';
import { database } from '../db/instance';
import { DataLockedError, shareKeyring } from '../db/encryption/keyring';
import type { Section } from '../navigation';
import { highlight, queryTerms, type TextPiece } from './highlight';
import type { SearchHit } from './search-index';
import { searchedKinds, sessionSearchText, type SearchKind } from './search-kinds';
import type { SearchReply, SearchRequest } from './search-protocol';

export type SearchResultItem = {
  kind: SearchKind;
  id: string;
  title: string;
  excerpt: TextPiece[];
  section: Section;
};

const PER_KIND = 8;

let worker: Worker | undefined;
let nextRequestId = 1;
const waiting = new Map<number, { resolve: (hits: SearchHit[]) => void; reject: (error: Error) => void }>();

function searchWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
  worker.onmessage = ({ data }: MessageEvent<SearchReply>) => {
    const pending = waiting.get(data.requestId);
    waiting.delete(data.requestId);
    if ('error' in data) pending?.reject(new Error(data.error));
    else pending?.resolve(data.hits);
  };
  return worker;
}

/** Locking forgets the data key: the worker goes with it, and with it the notes it indexed and
 * the key it was given. The next search after unlock starts a new one, which builds its index again. */
function stopSearchWorker() {
  worker?.terminate();
  worker = undefined;
  waiting.forEach((pending) => pending.reject(new DataLockedError()));
  waiting.clear();
}
database.keyring.onForget(stopSearchWorker);

function findHits(query: string): Promise<SearchHit[]> {
  const request: SearchRequest = {
    requestId: nextRequestId++,
    query,
    limitPerKind: PER_KIND,
    keyring: shareKeyring(database.keyring),
  };
  return new Promise((resolve, reject) => {
    waiting.set(request.requestId, { resolve, reject });
    searchWorker().postMessage(request);
  });
}

async function describe(hits: SearchHit[], terms: string[]): Promise<SearchResultItem[]> {
  const idsOf = (kind: SearchKind) => hits.filter((hit) => hit.kind === kind).map((hit) => hit.recordId);
  const [participants, sessions, actions, contracts, reviews, everyone] = await Promise.all([
    database.participants.bulkGet(idsOf('participant')),
    database.sessions.bulkGet(idsOf('session')),
    database.actions.bulkGet(idsOf('action')),
    database.contracts.bulkGet(idsOf('contract')),
    database.contractReviews.bulkGet(idsOf('review')),
    database.participants.toArray(),
  ]);
  const names = new Map(everyone.map((p) => [p.id, p.name]));
  /** The records of one kind that are still there, each as a result: where it leads, its title,
   * and the text its excerpt is highlighted in. */
  const shown = <T extends { id: string }>(
    kind: SearchKind,
    records: (T | undefined)[],
    show: (record: T) => { section: Section; title: string; text: string },
  ): SearchResultItem[] =>
    records.flatMap((record) => {
      if (!record) return [];
      const { section, title, text } = show(record);
      return [{ kind, id: record.id, section, title, excerpt: highlight(text, terms) }];
    });
  return [
    ...shown('participant', participants, (p) => ({
      section: 'participants',
      title: p.name,
      text: `${p.role} ${p.team}`,
    })),
    ...shown('session', sessions, (s) => ({
      section: 'sessions',
      title: `${names.get(s.participantId) ?? 'Session'} · ${format(parseISO(s.date), 'd MMM yyyy')}`,
      text: sessionSearchText(s),
    })),
    ...shown('action', actions, (a) => ({
      section: a.sessionId ? 'sessions' : 'actions',
      title: names.get(a.participantId) ?? 'Action',
      text: a.text,
    })),
    ...shown('contract', contracts, (c) => ({
      section: 'contracts',
      title: c.title || `${names.get(c.participantId) ?? 'Team'}'s contract`,
      text: searchedKinds.contract.text(c),
    })),
    ...shown('review', reviews, (r) => ({
      section: 'contracts',
      title: `Review of ${r.snapshot.title || 'a contract'} · ${format(r.at, 'd MMM yyyy')}`,
      text: r.notes,
    })),
  ];
}

/** Starts the worker, so its code is loaded while the network is there; the index itself waits
 * for warmSearchIndex or the first search. */
export function startSearchWorker(): void {
  searchWorker();
}

/** Builds the index in the worker ahead of the first search. */
export function warmSearchIndex(): Promise<unknown> {
  return findHits('');
}

export async function searchEverything(query: string): Promise<SearchResultItem[]> {
  return describe(await findHits(query), queryTerms(query));
}

/** Where a result leads: an action to its session when it has one, a review to its contract. */
export async function targetOf(item: SearchResultItem): Promise<{ section: Section; id: string | null }> {
  if (item.kind === 'review') {
    const review = await database.contractReviews.get(item.id);
    return { section: 'contracts', id: review?.contractId ?? null };
  }
  if (item.kind !== 'action') return { section: item.section, id: item.id };
  const action = await database.actions.get(item.id);
  return action?.sessionId ? { section: 'sessions', id: action.sessionId } : { section: 'actions', id: null };
}
