// The metrics projection: what the measures read of every action and session
// (shared/metrics/metric-records.ts), kept as one row per participant holding the facts of all
// their actions (actionFactGroups) or sessions (sessionFactGroups), in id order. Chromium's
// IndexedDB pays mostly per row read: 12,000 flat fact rows took 126–247 ms to read, the same
// facts in 40 rows about 20 ms, and a scope is a set of participants anyway.
//
// The groups are derived data. metric-facts-middleware.ts writes them in the same transaction as
// every write to their source table, whichever code makes it; nothing else writes them, and
// backups leave them out (recordTables), since restoring the records rebuilds them.
import type Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import {
  toMetricAction,
  toMetricReview,
  toMetricSession,
  type MetricAction,
  type MetricReview,
  type MetricSession,
} from '../../shared/metrics/metric-records';

/** The facts of one participant's actions or sessions. */
export type FactGroup<Fact> = { participantId: string; facts: Fact[] };
export type ActionFactGroup = FactGroup<MetricAction>;
export type SessionFactGroup = FactGroup<MetricSession>;
export type ReviewFactGroup = FactGroup<MetricReview>;

/** What every fact holds: the id of its record and whose it is. */
export type Fact = { id: string; participantId: string };

/** Each group table: the table it mirrors and the projection of one of its records. */
export const metricFactGroupTables = {
  actionFactGroups: { source: 'actions', project: toMetricAction as (record: never) => Fact },
  sessionFactGroups: { source: 'sessions', project: toMetricSession as (record: never) => Fact },
  reviewFactGroups: { source: 'actionReviews', project: toMetricReview as (record: never) => Fact },
} as const;
type GroupTableName = keyof typeof metricFactGroupTables;

const derivedTableNames = Object.keys(metricFactGroupTables);

/** Version 9's change: the group tables in, version 8's flat fact tables out. */
export const metricFactGroupStores = {
  actionFactGroups: 'participantId',
  sessionFactGroups: 'participantId',
  actionFacts: null,
  sessionFacts: null,
};

/** Version 11's change: the reviews of earlier actions ("Since last time") get their group table. */
export const reviewFactGroupStores = { reviewFactGroups: 'participantId' };

/** The tables that hold the coach's records: every table but the derived ones. */
export const recordTables = (db: Dexie): Table[] =>
  db.tables.filter((table) => !derivedTableNames.includes(table.name));

const byId = (a: Fact, b: Fact) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Facts gathered into one group per participant, each group's facts in id order. */
export function groupFacts<T extends Fact>(facts: readonly T[]): FactGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const fact of facts) {
    const group = groups.get(fact.participantId);
    if (group) group.push(fact);
    else groups.set(fact.participantId, [fact]);
  }
  return [...groups].map(([participantId, grouped]) => ({ participantId, facts: grouped.sort(byId) }));
}

/** Writes these group tables (all of them unless named) from their source tables: an upgrade's step. */
export async function fillMetricFactGroups(
  tx: Transaction,
  names: GroupTableName[] = Object.keys(metricFactGroupTables) as GroupTableName[],
): Promise<void> {
  for (const name of names) {
    const { source, project } = metricFactGroupTables[name];
    const records = await tx.table(source).toArray();
    await tx.table(name).bulkPut(groupFacts(records.map((record) => project(record as never))));
  }
}

/** Version 8's flat fact tables, one row per record; version 9 replaces them with the groups. */
export const metricFactStoresV8 = {
  actionFacts: 'id, participantId',
  sessionFacts: 'id, date, [participantId+date]',
};

/** The version 8 upgrade, kept so the upgrade path through version 8 stays as it was. */
export async function fillMetricFactsV8(tx: Transaction): Promise<void> {
  const projections = {
    actionFacts: ['actions', toMetricAction],
    sessionFacts: ['sessions', toMetricSession],
  } as const;
  for (const [name, [source, project]] of Object.entries(projections)) {
    const records = await tx.table(source).toArray();
    await tx.table(name).bulkPut(records.map((record) => project(record)));
  }
}
