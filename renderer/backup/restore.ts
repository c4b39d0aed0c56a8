// Restoring a backup in two steps. prepareRestore reads the file, brings it to the current
// version, validates every record and works out what will change, touching nothing. applyRestore
// then replaces every table in ONE transaction: IndexedDB commits all of it or none of it, so a
// failure or a killed process leaves the database exactly as it was.
import type { Table } from 'dexie';
import type { FollowthroughDatabase } from '../db/database';
import { recordTables } from '../db/metric-facts';
import { errorMessage } from '../../shared/result';
import {
  decodeBackup,
  describeRange,
  problem,
  type BackupHeader,
  type BackupResult,
  type BackupTables,
  type BackupUnlock,
} from './backup-format';
import { migrateToCurrent } from './migrate';
import { canonicalJson } from './record-json';
import { validateTables } from './record-schemas';
import { readSnapshot } from './snapshot';

export type TableChange = {
  table: string;
  inBackup: number;
  now: number;
  /** In the backup, not here: they come back. */
  added: number;
  /** Here, not in the backup: they go. */
  removed: number;
  /** In both, different: the backup's copy replaces this one. */
  changed: number;
};

export type RestorePlan = {
  header: BackupHeader;
  /** Validated records at the current schema version, table by table, without the device's settings. */
  tables: BackupTables;
  /** The backup's copies of the settings that stay as they are on this device; not restored. */
  setAside: SettingRecord[];
  keepsSetting: (key: string) => boolean;
  changes: TableChange[];
  /** Records changed on this device after the backup was made: the restore undoes those changes. */
  changedSinceBackup: number;
  /** The data version the backup was upgraded from, or null when it was current. */
  upgradedFrom: number | null;
};

const keyOf = (table: Table, record: unknown): string =>
  String((record as Record<string, unknown>)[table.schema.primKey.keyPath as string]);

/** The first record whose key an earlier one of its table has (the restore would fail on it), or null. */
function repeatedKey(tables: Table[], records: BackupTables): string | null {
  for (const table of tables) {
    const seen = new Set<string>();
    for (const [index, record] of (records[table.name] ?? []).entries()) {
      // A record without its key (an auto-numbered one) is given a new key when it is written.
      if ((record as Record<string, unknown>)[table.schema.primKey.keyPath as string] === undefined) continue;
      const key = keyOf(table, record);
      if (seen.has(key))
        return `two records in its ${table.name} table with the id ${key} (the second is #${index + 1})`;
      seen.add(key);
    }
  }
  return null;
}

function compare(table: Table, before: unknown[], after: unknown[]): TableChange {
  const now = new Map(before.map((record) => [keyOf(table, record), record]));
  let added = 0;
  let changed = 0;
  for (const record of after) {
    const key = keyOf(table, record);
    const current = now.get(key);
    if (current === undefined) added += 1;
    else if (canonicalJson(current) !== canonicalJson(record)) changed += 1;
    now.delete(key);
  }
  return { table: table.name, inBackup: after.length, now: before.length, added, removed: now.size, changed };
}

function changedSince(tables: BackupTables, since: number): number {
  return Object.values(tables)
    .flat()
    .filter((record) => {
      const updatedAt = (record as { updatedAt?: unknown }).updatedAt;
      return typeof updatedAt === 'number' && updatedAt > since;
    }).length;
}

type SettingRecord = { key: string; value: unknown };

export type RestoreOptions = {
  /**
   * The settings that belong to this device (the app lock, where sync sends to) and stay as they
   * are: a backup, crafted or merely old, must not redirect the device's sync.
   */
  keepsSetting?: (key: string) => boolean;
  /** The keys that may open a sealed backup; without them, only an unsealed (format 1) one opens. */
  unlock?: BackupUnlock;
};

/** The backup's settings split into those it restores and those the device keeps. */
function splitSettings(
  tables: BackupTables,
  keepsSetting: (key: string) => boolean,
): { tables: BackupTables; setAside: SettingRecord[] } {
  const settings = (tables.settings ?? []) as SettingRecord[];
  return {
    tables: { ...tables, settings: settings.filter((setting) => !keepsSetting(setting.key)) },
    setAside: settings.filter((setting) => keepsSetting(setting.key)),
  };
}

const withoutKept = (records: unknown[], keepsSetting: (key: string) => boolean) =>
  (records as SettingRecord[]).filter((setting) => !keepsSetting(setting.key));

export async function prepareRestore(
  db: FollowthroughDatabase,
  bytes: Uint8Array,
  { keepsSetting = () => false, unlock }: RestoreOptions = {},
): Promise<BackupResult<RestorePlan>> {
  if (!db.isOpen()) await db.open();
  const currentVersion = Math.floor(db.verno);
  const decoded = await decodeBackup(bytes, { maxSchemaVersion: currentVersion, unlock });
  if (!decoded.ok) return decoded;
  const { header } = decoded.value;
  let upgraded: BackupTables;
  try {
    const content = { schemaVersion: header.schemaVersion, stores: header.stores, tables: decoded.value.tables };
    upgraded = (await migrateToCurrent(content, currentVersion, db.keyring)).tables;
  } catch (error) {
    return problem(
      'invalid-records',
      `This backup from data version ${header.schemaVersion} could not be brought up to version ${currentVersion}: ${errorMessage(error)}. Nothing was changed.`,
    );
  }
  const validated = validateTables(
    upgraded,
    recordTables(db).map((table) => table.name),
  );
  if (!validated.ok) return validated;
  const repeated = repeatedKey(recordTables(db), validated.value);
  if (repeated) {
    return problem('invalid-records', `This backup holds ${repeated}, so it was not restored. Nothing was changed.`);
  }
  const current = await readSnapshot(db);
  current.tables.settings = withoutKept(current.tables.settings ?? [], keepsSetting);
  const { tables, setAside } = splitSettings(validated.value, keepsSetting);
  return {
    ok: true,
    value: {
      // The checksum does not cover the header: what the preview says of the records is read from them.
      header: { ...header, range: describeRange(validated.value) },
      tables,
      setAside,
      keepsSetting,
      changes: recordTables(db).map((table) => compare(table, current.tables[table.name], tables[table.name])),
      changedSinceBackup: changedSince(current.tables, Date.parse(header.createdAt)),
      upgradedFrom: header.schemaVersion === currentVersion ? null : header.schemaVersion,
    },
  };
}

export async function applyRestore(db: FollowthroughDatabase, plan: RestorePlan): Promise<void> {
  // The fact tables follow the records through the metric-facts middleware.
  const tables = recordTables(db);
  await db.transaction('rw', tables, async () => {
    const kept = (await db.settings.toArray()).filter((setting) => plan.keepsSetting(setting.key));
    for (const table of tables) {
      await table.clear();
      await table.bulkAdd(plan.tables[table.name] ?? []);
    }
    await db.settings.bulkPut(kept);
  });
}
