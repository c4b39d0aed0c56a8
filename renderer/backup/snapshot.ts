// Everything in a database at one moment: each table's records, read in one transaction, with
// the table's Dexie schema so the snapshot can be reopened at the version it was taken at. The
// derived metric fact tables are left out: restoring the records rebuilds them. So are this
// computer's backup key (a backup never holds the key that opens it) and the record of where its
// data key is kept, which means nothing on another computer.
import type Dexie from 'dexie';
import type { Table } from 'dexie';
import type { BackupContent } from './backup-format';
import { isBackupKeySetting } from './backup-key-setting';
import { isDataKeySetting } from '../db/encryption/data-key-custody';
import { recordTables } from '../db/metric-facts';

const isDeviceKey = (key: string) => isBackupKeySetting(key) || isDataKeySetting(key);

const withoutDeviceKeys = (table: Table, records: unknown[]) =>
  table.name === 'settings' ? records.filter((setting) => !isDeviceKey((setting as { key: string }).key)) : records;

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
    tables: Object.fromEntries(tables.map((table, index) => [table.name, withoutDeviceKeys(table, records[index])])),
  };
}
