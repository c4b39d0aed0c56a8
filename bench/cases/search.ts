// Search over five years of notes: the incrementally kept FlexSearch index against a linear scan
// of the same records already in memory (the most generous baseline: it reads nothing from disk).
// Each sample is one query; median and p95 are over a fixed list of words from the dataset.
import 'fake-indexeddb/auto';
import { FollowthroughDatabase } from '../../renderer/db/database';
import { createKeyring, generateDataKey, sealingKeyring, type Keyring } from '../../renderer/db/encryption/keyring';
import { SearchIndex } from '../../renderer/search/search-index';
import { searchedKinds, searchKinds, type SearchableRecord, type SearchKind } from '../../renderer/search/search-kinds';
import { generateDataset, type Dataset } from '../../shared/demo-dataset';
import { timed } from '../sampling';
import type { BenchCase } from '../types';

/** Words a coach would look for, taken from the dataset so every query has hits. */
function queriesFrom(dataset: Dataset, count: number): string[] {
  const words = new Set<string>();
  for (const session of dataset.sessions) {
    for (const word of session.reality.toLowerCase().match(/[a-z]{6,}/g) ?? []) words.add(word);
    if (words.size >= count * 4) break;
  }
  return [...words].filter((_, index) => index % 4 === 0).slice(0, count);
}

/** Every searched record of the dataset, by kind. */
const recordsOf = (dataset: Dataset): Record<SearchKind, SearchableRecord[]> => ({
  participant: dataset.participants,
  session: dataset.sessions,
  action: dataset.actions,
  contract: dataset.contracts,
  review: dataset.contractReviews,
});

function linearScan(records: Record<SearchKind, SearchableRecord[]>, query: string): number {
  const terms = query.toLowerCase().split(/\s+/);
  const matches = (text: string) => {
    const lower = text.toLowerCase();
    return terms.every((term) => lower.includes(term));
  };
  let hits = 0;
  for (const kind of searchKinds) {
    for (const record of records[kind]) if (matches(searchedKinds[kind].text(record))) hits += 1;
  }
  return hits;
}

/** The dataset stored in a fresh database (sealed when the keyring holds a key) and indexed. */
async function indexedDatabase(dataset: Dataset, keyring: Keyring = createKeyring()) {
  const db = new FollowthroughDatabase(`bench-search-${crypto.randomUUID()}`, keyring);
  const records = recordsOf(dataset);
  const tables = searchKinds.map((kind) => db.table(searchedKinds[kind].table));
  await db.transaction('rw', tables, async () => {
    for (const kind of searchKinds) await db.table(searchedKinds[kind].table).bulkPut(records[kind]);
  });
  const index = new SearchIndex(db);
  const buildMs = await timed(() => index.catchUp());
  const dispose = async () => {
    index.close();
    await db.delete();
  };
  return { records, index, buildMs, dispose };
}

const search: BenchCase = {
  name: 'search-large',
  async measure(mode) {
    const dataset = generateDataset({ size: mode.smoke ? 'small' : 'large' });
    const { records, index: searchIndex, buildMs, dispose } = await indexedDatabase(dataset);
    try {
      const queries = queriesFrom(dataset, mode.smoke ? 3 : 60);
      const ours: number[] = [];
      const baseline: number[] = [];
      for (const query of queries.slice(0, Math.max(1, mode.warmups))) await searchIndex.search(query);
      for (const query of queries) {
        ours.push(await timed(() => searchIndex.search(query)));
        baseline.push(await timed(async () => linearScan(records, query)));
      }
      return {
        ours,
        baseline,
        extra: { index_build_ms: buildMs, queries: queries.length },
        notes: `${dataset.sessions.length} sessions, ${dataset.actions.length} actions, ${dataset.contracts.length} contracts, ${dataset.contractReviews.length} reviews; one sample per query; index built once in ${buildMs.toFixed(0)} ms on first search; target p95 ≤ 20 ms and ≥ 10× faster than the scan`,
      };
    } finally {
      await dispose();
    }
  },
};

const searchSealed: BenchCase = {
  name: 'search-large-encrypted',
  async measure(mode) {
    const dataset = generateDataset({ size: mode.smoke ? 'small' : 'large' });
    const sealed = await indexedDatabase(dataset, sealingKeyring(await generateDataKey()));
    const clear = await indexedDatabase(dataset);
    try {
      const queries = queriesFrom(dataset, mode.smoke ? 3 : 60);
      const ours: number[] = [];
      const baseline: number[] = [];
      for (const query of queries.slice(0, Math.max(1, mode.warmups))) {
        await sealed.index.search(query);
        await clear.index.search(query);
      }
      for (const query of queries) {
        ours.push(await timed(() => sealed.index.search(query)));
        baseline.push(await timed(() => clear.index.search(query)));
      }
      return {
        ours,
        baseline,
        extra: { index_build_ms: sealed.buildMs, baseline_index_build_ms: clear.buildMs },
        notes: `the same queries over an index built from the database stored encrypted vs in clear; index built in ${sealed.buildMs.toFixed(0)} ms vs ${clear.buildMs.toFixed(0)} ms; target unchanged`,
      };
    } finally {
      await Promise.all([sealed.dispose(), clear.dispose()]);
    }
  },
};

export const cases: BenchCase[] = [search, searchSealed];
