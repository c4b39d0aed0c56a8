// Keeps the metric fact tables (metric-facts.ts) equal to the projection of their source tables
// for every writer: repositories, trash and purge, retention, erasure, sync's bulk writes, the demo
// loader, restore and upgrades alike, without any of them knowing. It sits on Dexie's DBCore, where
// every write arrives as add, put, delete or deleteRange (modify() and update() arrive as put with
// the whole changed records), and:
//  - widens each readwrite transaction that includes a source table to its fact table, so
//  - each write to a source table is followed, in the same transaction, by the same write to the
//    fact table: added and put records as their projections (only those that were stored), deleted
//    keys and ranges as they are. The primary keys are the same, so keys and ranges carry over.
// It sits above Dexie's own observability middleware, so live queries over the fact tables see
// these writes too.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { metricFactTables, type MetricFactTable } from './metric-facts';

type Mirror = { factTable: string; project: (typeof metricFactTables)[MetricFactTable]['project'] };

/** The same change for the fact table, or null when nothing reached the source table. */
function mirrored(
  request: DBCoreMutateRequest,
  response: DBCoreMutateResponse,
  mirror: Mirror,
): DBCoreMutateRequest | null {
  const stored = <T>(items: readonly T[]) =>
    response.numFailures === 0 ? [...items] : items.filter((_, index) => !(index in response.failures));
  switch (request.type) {
    case 'add':
    case 'put': {
      const values = stored(request.values).map((record) => mirror.project(record));
      return values.length === 0 ? null : { type: 'put', trans: request.trans, values };
    }
    case 'delete': {
      const keys = stored(request.keys);
      return keys.length === 0 ? null : { type: 'delete', trans: request.trans, keys };
    }
    case 'deleteRange':
      return { type: 'deleteRange', trans: request.trans, range: request.range };
  }
}

function mirroring(source: DBCoreTable, facts: DBCoreTable, mirror: Mirror): DBCoreTable {
  return {
    ...source,
    // Chained with then(), as Dexie's own middlewares do, so the follow-up write keeps Dexie's
    // transaction zone.
    mutate: (request) =>
      source.mutate(request).then((response) => {
        const change = mirrored(request, response, mirror);
        return change === null ? response : facts.mutate(change).then(() => response);
      }),
  };
}

export const metricFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'metric-facts',
  create(down) {
    // During an upgrade from before version 8 the fact tables do not exist yet; that upgrade fills them.
    const present = new Set(down.schema.tables.map((table) => table.name));
    const mirrors = new Map<string, Mirror>(
      Object.entries(metricFactTables)
        .filter(([factTable, { source }]) => present.has(factTable) && present.has(source))
        .map(([factTable, { source, project }]) => [source, { factTable, project }]),
    );
    const widened = (stores: string[]) => {
      const missing = stores.flatMap((store) => {
        const factTable = mirrors.get(store)?.factTable;
        return factTable !== undefined && !stores.includes(factTable) ? [factTable] : [];
      });
      return missing.length === 0 ? stores : [...stores, ...missing];
    };
    return {
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' ? widened(stores) : stores, mode, options),
      table(name) {
        const table = down.table(name);
        const mirror = mirrors.get(name);
        return mirror ? mirroring(table, down.table(mirror.factTable), mirror) : table;
      },
    };
  },
};
