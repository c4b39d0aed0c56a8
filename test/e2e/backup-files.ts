// Backup files for the browser tests, made in this process with the app's own encoder from a
// generated dataset, and written to a temporary folder.
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, type DatasetSize } from '../../shared/demo-dataset';
import { encodeBackup } from '../../renderer/backup/backup-format';
import { storesLine } from '../../renderer/backup/snapshot';
import { CURRENT_SCHEMA_VERSION, FollowthroughDatabase } from '../../renderer/db/database';
import { recordTables } from '../../renderer/db/metric-facts';

const folder = mkdtempSync(join(tmpdir(), 'followthrough-backups-'));

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
  const bytes = await encodeBackup(
    {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      stores: Object.fromEntries(recordTables(db).map((table) => [table.name, storesLine(table)])),
      tables,
    },
    { appVersion: 'e2e', createdAt: Date.UTC(2026, 10, 2, 12), kind: 'export' },
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
