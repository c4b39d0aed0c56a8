// The metrics projection: beside every action and every session, one small flat row holding only
// what the measures read (shared/metrics/metric-records.ts), under the same primary key. Reading
// five years of full records costs more than the Metrics page may take, mostly per nested object
// (an action's status history); the flat rows read in a fraction of that time.
//
// The rows are derived data. metric-facts-middleware.ts writes them in the same transaction as
// every write to their source table, whichever code makes it; nothing else writes them, and
// backups leave them out (recordTables), since restoring the records rebuilds them.
import type Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import { toMetricAction, toMetricSession } from '../../shared/metrics/metric-records';

/** Each fact table: the table it mirrors, its Dexie schema and the projection of one record. */
export const metricFactTables = {
  actionFacts: { source: 'actions', stores: 'id, participantId', project: toMetricAction },
  sessionFacts: {
    source: 'sessions',
    stores: 'id, date, [participantId+date]',
    project: toMetricSession,
  },
} as const;

export type MetricFactTable = keyof typeof metricFactTables;

const factTableNames = Object.keys(metricFactTables);

export const metricFactStores = Object.fromEntries(
  Object.entries(metricFactTables).map(([name, { stores }]) => [name, stores]),
) as Record<MetricFactTable, string>;

/** The tables that hold the coach's records: every table but the derived fact tables. */
export const recordTables = (db: Dexie): Table[] => db.tables.filter((table) => !factTableNames.includes(table.name));

/** Writes every fact table from its source table (the version 8 upgrade). */
export async function fillMetricFacts(tx: Transaction): Promise<void> {
  for (const [name, { source, project }] of Object.entries(metricFactTables)) {
    const records = await tx.table(source).toArray();
    await tx.table(name).bulkPut(records.map((record) => project(record)));
  }
}
