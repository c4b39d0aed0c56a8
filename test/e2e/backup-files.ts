// Backup files for the browser tests, made in this process from a generated dataset and written
// to a temporary folder. They are format 1 files (records in clear), as the previous version
// wrote them and as FORMAT.md describes, so every restore test here also proves those restore.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateDataset, type DatasetSize } from '../../shared/demo-dataset';
import { describeRange, type BackupContent } from '../../renderer/backup/backup-format';
import { storesLine } from '../../renderer/backup/snapshot';
import { CURRENT_SCHEMA_VERSION, FollowthroughDatabase } from '../../renderer/db/database';
import { recordTables } from '../../renderer/db/metric-facts';

const folder = mkdtempSync(join(tmpdir(), 'followthrough-backups-'));

/** A format 1 backup: a JSON header line, then the records as gzip JSON, checked by length and SHA-256. */
function format1Backup({ schemaVersion, stores, tables }: BackupContent, createdAt: number): Uint8Array {
  const payload = gzipSync(JSON.stringify(tables));
  const header = {
    format: 'followthrough-backup',
    formatVersion: 1,
    schemaVersion,
    appVersion: 'e2e',
    createdAt: new Date(createdAt).toISOString(),
    kind: 'export',
    stores,
    counts: Object.fromEntries(Object.entries(tables).map(([table, records]) => [table, records.length])),
    range: describeRange(tables),
    payload: {
      encoding: 'gzip+json',
      bytes: payload.length,
      sha256: createHash('sha256').update(payload).digest('hex'),
    },
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]);
}

export async function datasetBackup(size: DatasetSize, seed: number) {
  const dataset = generateDataset({ size, seed });
  const db = new FollowthroughDatabase(`stores-${seed}`);
  // Records only, as the app's own backups hold: the metric fact tables are rebuilt on restore.
  const tables = Object.fromEntries(recordTables(db).map((table) => [table.name, [] as unknown[]]));
  Object.assign(tables, dataset, {
    consentLog: dataset.participants.map((participant, index) => ({
      id: index + 1,
      participantId: participant.id,
      at: participant.createdAt,
      consent: participant.consent,
      previous: null,
    })),
  });
  const bytes = format1Backup(
    {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      stores: Object.fromEntries(recordTables(db).map((table) => [table.name, storesLine(table)])),
      tables,
    },
    Date.UTC(2026, 10, 2, 12),
  );
  const path = join(folder, `backup-${size}-${seed}.ftbackup`);
  writeFileSync(path, bytes);
  return { path, bytes, dataset, participantIds: dataset.participants.map((p) => p.id).sort() };
}

export function writeTestFile(name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

export const testFolder = folder;
