// The guard for "search misses a kind of record": every table of the database is either searched
// or named in tablesNotSearched with a reason, and every field of a searched record that takes
// free text (any word its schema accepts) is found by search, unless fieldsNotSearched says why not.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { searchPerTest } from './search-per-test';
import {
  fieldsNotSearched,
  searchedKinds,
  searchKinds,
  tablesNotSearched,
  type SearchableRecord,
  type SearchKind,
} from '../../../renderer/search/search-kinds';
import {
  actionSchema,
  contractReviewSchema,
  contractSchema,
  participantSchema,
  sessionSchema,
} from '../../../shared/model';
import { generateDataset } from '../../../shared/demo-dataset';

const schemaOf: Record<SearchKind, z.ZodType> = {
  participant: participantSchema,
  session: sessionSchema,
  action: actionSchema,
  contract: contractSchema,
  review: contractReviewSchema,
};

const dataset = generateDataset({ size: 'small' });
const sampleOf: Record<SearchKind, SearchableRecord> = {
  participant: dataset.participants[0],
  session: dataset.sessions[0],
  action: dataset.actions.find((action) => action.history.some((change) => change.reason !== undefined))!,
  contract: dataset.contracts[0],
  review: dataset.contractReviews[0],
};

type Path = (string | number)[];

/** The path of every string in `value`, depth first. */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, position) => stringPaths(item, [...path, position]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

function withStringAt<R>(record: R, path: Path, text: string): R {
  const copy = structuredClone(record);
  let node = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]] = text;
  return copy;
}

const { openDatabase, indexOver } = searchPerTest();

describe('what search covers', () => {
  it('names every table of the database: searched, or left out with a reason', () => {
    const { db } = openDatabase();
    const searched = searchKinds.map((kind) => searchedKinds[kind].table);
    const notSearched = Object.keys(tablesNotSearched);
    expect(searched.filter((table) => notSearched.includes(table))).toEqual([]);
    expect(db.tables.map((table) => table.name).sort()).toEqual([...searched, ...notSearched].sort());
  });

  it.each(searchKinds)('finds a %s by a word in any field that takes free text', async (kind) => {
    const { db } = openDatabase();
    const index = indexOver(db);
    const table = db.table(searchedKinds[kind].table);
    const left = Object.keys(fieldsNotSearched[kind] ?? {});
    const sample = sampleOf[kind];
    const freeText = stringPaths(sample).filter(
      (path) =>
        !left.includes(String(path[0])) && schemaOf[kind].safeParse(withStringAt(sample, path, 'quokka')).success,
    );
    expect(freeText.length).toBeGreaterThan(0);
    const missed: string[] = [];
    for (const [position, path] of freeText.entries()) {
      const word = `quokka${String.fromCharCode(97 + (position % 26))}${String.fromCharCode(97 + Math.floor(position / 26))}`;
      await table.put(withStringAt(sample, path, word));
      const hits = await index.search(word);
      if (!hits.some((hit) => hit.kind === kind && hit.recordId === sample.id)) missed.push(path.join('.'));
    }
    expect(missed, `fields of a ${kind} that search does not find`).toEqual([]);
  });
});
