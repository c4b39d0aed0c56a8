// The backup file: a one-line JSON header a person can read, then the records as gzip-compressed
// JSON, checked by length and SHA-256 before anything is parsed. FORMAT.md in this folder is the
// specification. Pure: no database, no DOM beyond WebCrypto and the compression streams.
import { z } from 'zod';
import { backupKinds, MAX_BACKUP_BYTES, tooLargeMessage } from '../../shared/backup-files';
import { recordsFromJson, recordsToJson } from './record-json';

const BACKUP_FORMAT = 'followthrough-backup';
const BACKUP_FORMAT_VERSION = 1;
/** Unpacked records larger than this are refused before they are parsed (a compression bomb). */
const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** The header is one line; a longer first line means this is not a backup. */
const MAX_HEADER_BYTES = 256 * 1024;

const backupHeaderKinds = [...backupKinds, 'export'] as const;

const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  /** The database version (Dexie's) the records were read at. */
  schemaVersion: z.number().int().positive(),
  appVersion: z.string().max(100),
  createdAt: z.iso.datetime(),
  kind: z.enum(backupHeaderKinds),
  /** Each table's Dexie schema at that version, so an older backup can be opened and upgraded. */
  stores: z.record(z.string(), z.string()),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  range: z.object({
    firstSessionDate: z.string().nullable(),
    lastSessionDate: z.string().nullable(),
    lastChangeAt: z.iso.datetime().nullable(),
  }),
  payload: z.object({
    encoding: z.literal('gzip+json'),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export type BackupTables = Record<string, unknown[]>;

export type BackupContent = {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: BackupTables;
};

type DecodedBackup = { header: BackupHeader; tables: BackupTables };

type BackupProblemKind =
  'too-large' | 'not-a-backup' | 'newer-version' | 'truncated' | 'checksum' | 'damaged' | 'invalid-records';

/** A Result whose failure also says what kind of problem it was; `error` is written for the coach. */
export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: string; kind: BackupProblemKind };

export const problem = (kind: BackupProblemKind, error: string): BackupResult<never> => ({ ok: false, kind, error });

const encoder = new TextEncoder();
const NEWLINE = 0x0a;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Unpacks, stopping as soon as the output passes the limit. */
async function gunzip(bytes: Uint8Array, limit: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

const isoOrNull = (at: number | null) => (at === null ? null : new Date(at).toISOString());

export function describeRange(tables: BackupTables): BackupHeader['range'] {
  const dates = (tables.sessions ?? []).map((session) => (session as { date?: unknown }).date);
  const sessionDates = dates.filter((date): date is string => typeof date === 'string').sort();
  let lastChange: number | null = null;
  for (const records of Object.values(tables)) {
    for (const record of records) {
      const updatedAt = (record as { updatedAt?: unknown }).updatedAt;
      if (typeof updatedAt === 'number' && (lastChange === null || updatedAt > lastChange)) lastChange = updatedAt;
    }
  }
  return {
    firstSessionDate: sessionDates[0] ?? null,
    lastSessionDate: sessionDates.at(-1) ?? null,
    lastChangeAt: isoOrNull(lastChange),
  };
}

export async function encodeBackup(
  content: BackupContent,
  meta: { appVersion: string; createdAt: number; kind: BackupHeader['kind'] },
): Promise<Uint8Array<ArrayBuffer>> {
  const payload = await gzip(encoder.encode(recordsToJson(content.tables)));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: content.schemaVersion,
    appVersion: meta.appVersion,
    createdAt: new Date(meta.createdAt).toISOString(),
    kind: meta.kind,
    stores: content.stores,
    counts: Object.fromEntries(Object.entries(content.tables).map(([table, records]) => [table, records.length])),
    range: describeRange(content.tables),
    payload: { encoding: 'gzip+json', bytes: payload.length, sha256: await sha256Hex(payload) },
  };
  const headerLine = encoder.encode(`${JSON.stringify(header)}\n`);
  const file = new Uint8Array(headerLine.length + payload.length);
  file.set(headerLine);
  file.set(payload, headerLine.length);
  return file;
}

/** A guess at what a file that is not a backup is, from its first bytes. */
function whatItSeemsToBe(bytes: Uint8Array): string {
  const start = String.fromCharCode(...bytes.subarray(0, 8));
  if (bytes.length === 0) return 'The file is empty.';
  if (start.startsWith('PK')) return 'It looks like a ZIP archive or an Office document.';
  if (start.startsWith('%PDF')) return 'It looks like a PDF.';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'It is a compressed (gzip) file of another kind.';
  if (start.trimStart().startsWith('{') || start.trimStart().startsWith('[')) return 'It is JSON of another kind.';
  return 'Its content is of another kind.';
}

const notABackup = (bytes: Uint8Array) =>
  problem('not-a-backup', `This file is not a Followthrough backup. ${whatItSeemsToBe(bytes)} Nothing was changed.`);

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function readHeader(bytes: Uint8Array, maxSchemaVersion: number): BackupResult<BackupHeader> {
  const end = bytes.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE);
  if (end === -1) return notABackup(bytes);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end)));
  } catch {
    return notABackup(bytes);
  }
  if ((json as { format?: unknown } | null)?.format !== BACKUP_FORMAT) return notABackup(bytes);
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    return problem(
      'newer-version',
      `This backup was written by a newer version of Followthrough (backup format ${version}). Update the app to restore it. Nothing was changed.`,
    );
  }
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) {
    return problem(
      'damaged',
      'This backup’s description (its first line) is damaged, so it cannot be read. Nothing was changed.',
    );
  }
  const header = parsed.data;
  if (header.schemaVersion > maxSchemaVersion) {
    return problem(
      'newer-version',
      `This backup comes from a newer version of Followthrough (${header.appVersion}, data version ${header.schemaVersion}); ` +
        `this app reads data up to version ${maxSchemaVersion}. Update Followthrough, then restore it. Nothing was changed.`,
    );
  }
  return { ok: true, value: header };
}

/**
 * Reads a backup file, checking in order: its size, that it is a backup at all, that it is not
 * from a newer version, that it is complete, and that its checksum matches. Only then are the
 * records unpacked. Every failure names what happened; nothing here touches the database.
 */
export async function decodeBackup(
  bytes: Uint8Array,
  { maxSchemaVersion }: { maxSchemaVersion: number },
): Promise<BackupResult<DecodedBackup>> {
  if (bytes.length > MAX_BACKUP_BYTES) return problem('too-large', tooLargeMessage(bytes.length));
  const header = readHeader(bytes, maxSchemaVersion);
  if (!header.ok) return header;
  const { payload: expected } = header.value;
  const payload = bytes.subarray(bytes.indexOf(NEWLINE) + 1);
  if (payload.length < expected.bytes) {
    return problem(
      'truncated',
      `This backup is incomplete: it should hold ${sizeLabel(expected.bytes)} of data, but the file ends after ${sizeLabel(payload.length)}. ` +
        'It was probably cut off while being copied or downloaded. Nothing was changed.',
    );
  }
  if (payload.length > expected.bytes || (await sha256Hex(payload)) !== expected.sha256) {
    return problem(
      'checksum',
      'This backup’s content does not match its checksum: the file was changed or damaged after it was written. Nothing was changed.',
    );
  }
  const damaged = (what: string) =>
    problem('damaged', `This backup passed its checksum but ${what}; it cannot be restored. Nothing was changed.`);
  let tables: unknown;
  try {
    const unpacked = await gunzip(payload, MAX_UNPACKED_BYTES);
    if (unpacked === 'too-large') return damaged(`unpacks to more than ${sizeLabel(MAX_UNPACKED_BYTES)}`);
    tables = recordsFromJson(new TextDecoder('utf-8', { fatal: true }).decode(unpacked));
  } catch {
    return damaged('its records could not be unpacked');
  }
  const parsedTables = z.record(z.string(), z.array(z.unknown())).safeParse(tables);
  if (!parsedTables.success) return damaged('its records are not laid out as tables');
  for (const [table, count] of Object.entries(header.value.counts)) {
    if ((parsedTables.data[table]?.length ?? -1) !== count)
      return damaged(`it does not hold the ${count} ${table} it lists`);
  }
  return { ok: true, value: { header: header.value, tables: parsedTables.data } };
}
