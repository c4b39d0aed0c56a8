// Everything in a database at one moment: each table's records, read in one transaction, with
// the table's Dexie schema so the snapshot can be reopened at the version it was taken at. The
// derived metric fact tables are left out: restoring the records rebuilds them.
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import type { BackupContent } from './backup-format';
import { recordTables } from '../db/metric-facts';

/** The Dexie stores() line of a table, as it was declared: "id, participantId, [participantId+date]". */
export function storesLine(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(', ');
}

export async function readSnapshot(db: Dexie): Promise<BackupContent> {
  if (!db.isOpen()) await db.open();
  const tables = recordTables(db);
  const records = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.toArray())));
  return {
    schemaVersion: Math.floor(db.verno),
    stores: Object.fromEntries(tables.map((table) => [table.name, storesLine(table)])),
    tables: Object.fromEntries(tables.map((table, index) => [table.name, records[index]])),
  };
}
