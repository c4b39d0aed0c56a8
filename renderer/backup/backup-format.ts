// The backup file: a one-line JSON header a person can read, which holds no private text, then the
// records as gzip-compressed JSON sealed with AES-256-GCM under the key the header names, the
// header itself bound to them so neither can be changed or swapped. Format 1 (the records in
// clear, checked by length and SHA-256) is still read. FORMAT.md in this folder is the
// specification. Pure: no database, no DOM beyond WebCrypto and the compression streams.
import { z } from 'zod';
import { backupKinds, MAX_BACKUP_BYTES, tooLargeMessage } from '../../shared/backup-files';
import { fromBase64, toBase64 } from '../base64';
import {
  importBackupKey,
  kdfSchema,
  keyIdSchema,
  passphraseKeyBytes,
  type BackupKey,
  type KeyMethod,
} from './backup-key';
import { readRecoveryKey } from './recovery-key';
import { recordsFromJson, recordsToJson } from './record-json';

const BACKUP_FORMAT = 'followthrough-backup';
const BACKUP_FORMAT_VERSION = 2;
/** Unpacked records larger than this are refused before they are parsed (a compression bomb). */
const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
/** The header is one line; a longer first line means this is not a backup. */
const MAX_HEADER_BYTES = 256 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const backupHeaderKinds = [...backupKinds, 'export'] as const;

const headerFieldsShape = {
  format: z.literal(BACKUP_FORMAT),
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
};

const headerFieldsSchema = z.object(headerFieldsShape);
/** What a header says of the records, whichever format holds them. */
type HeaderFields = z.infer<typeof headerFieldsSchema>;

const encryptionFields = {
  keyId: keyIdSchema,
  cipher: z.literal('AES-256-GCM'),
  /** 12 bytes are 16 characters of base64, without padding. */
  iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
};

const encryptionSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('recovery-key'), ...encryptionFields }),
  z.object({ method: z.literal('passphrase'), ...encryptionFields, kdf: kdfSchema }),
]);
type Encryption = z.infer<typeof encryptionSchema>;

const backupHeaderSchema = z.discriminatedUnion('formatVersion', [
  z.object({
    ...headerFieldsShape,
    formatVersion: z.literal(1),
    payload: z.object({
      encoding: z.literal('gzip+json'),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  }),
  z.object({
    ...headerFieldsShape,
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    encryption: encryptionSchema,
    payload: z.object({ encoding: z.literal('aes-256-gcm+gzip+json'), bytes: z.number().int().nonnegative() }),
  }),
]);
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export type BackupTables = Record<string, unknown[]>;

export type BackupContent = {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: BackupTables;
};

type DecodedBackup = { header: BackupHeader; tables: BackupTables };

type BackupProblemKind =
  | 'too-large'
  | 'not-a-backup'
  | 'newer-version'
  | 'truncated'
  | 'checksum'
  | 'damaged'
  | 'invalid-records'
  /** Sealed with a key this computer does not hold: the coach is asked for it. */
  | 'needs-key'
  | 'wrong-key'
  | 'key-typo';

/**
 * A Result whose failure also says what kind of problem it was; `error` is written for the coach.
 * A problem with the key says which kind of key opens the backup.
 */
export type BackupResult<T> =
  { ok: true; value: T } | { ok: false; error: string; kind: BackupProblemKind; keyMethod?: KeyMethod };

export const problem = (kind: BackupProblemKind, error: string, keyMethod?: KeyMethod): BackupResult<never> => ({
  ok: false,
  kind,
  error,
  ...(keyMethod && { keyMethod }),
});

/** The keys a backup may be opened with: those this computer holds, and what the coach typed. */
export type BackupUnlock = { held: BackupKey[]; typed?: string };

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

function encryptionOf(key: BackupKey, iv: Uint8Array): Encryption {
  const fields = { keyId: key.id, cipher: 'AES-256-GCM' as const, iv: toBase64(iv) };
  return key.kdf ? { method: 'passphrase', ...fields, kdf: key.kdf } : { method: 'recovery-key', ...fields };
}

/** The file: the header line, then the packed records sealed under the key with the header bound to them. */
async function seal(fields: HeaderFields, packed: Uint8Array, key: BackupKey): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header: BackupHeader = {
    ...fields,
    formatVersion: BACKUP_FORMAT_VERSION,
    encryption: encryptionOf(key, iv),
    payload: { encoding: 'aes-256-gcm+gzip+json', bytes: packed.length + TAG_BYTES },
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: headerBytes as BufferSource },
      key.key,
      packed as BufferSource,
    ),
  );
  const file = new Uint8Array(headerBytes.length + 1 + sealed.length);
  file.set(headerBytes);
  file[headerBytes.length] = NEWLINE;
  file.set(sealed, headerBytes.length + 1);
  return file;
}

export async function encodeBackup(
  content: BackupContent,
  meta: { appVersion: string; createdAt: number; kind: BackupHeader['kind']; key: BackupKey },
): Promise<Uint8Array<ArrayBuffer>> {
  const packed = await gzip(encoder.encode(recordsToJson(content.tables)));
  const fields: HeaderFields = {
    format: BACKUP_FORMAT,
    schemaVersion: content.schemaVersion,
    appVersion: meta.appVersion,
    createdAt: new Date(meta.createdAt).toISOString(),
    kind: meta.kind,
    stores: content.stores,
    counts: Object.fromEntries(Object.entries(content.tables).map(([table, records]) => [table, records.length])),
    range: describeRange(content.tables),
  };
  return seal(fields, packed, meta.key);
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

const changedOrDamaged = () =>
  problem(
    'checksum',
    'This backup’s content does not match its checksum: the file was changed or damaged after it was written. Nothing was changed.',
  );

const keyNames: Record<KeyMethod, string> = { 'recovery-key': 'recovery key', passphrase: 'passphrase' };

/** The key that opens a sealed backup: one this computer holds, or the one the coach typed. */
async function keyFor(encryption: Encryption, { held, typed }: BackupUnlock): Promise<BackupResult<BackupKey>> {
  const { method, keyId } = encryption;
  const found = held.find((key) => key.id === keyId);
  if (found) return { ok: true, value: found };
  if (typed === undefined) {
    return problem(
      'needs-key',
      method === 'recovery-key'
        ? 'This backup was made with another recovery key than this computer’s. Enter the recovery key it was made with.'
        : 'This backup is protected by a passphrase. Enter the passphrase it was made with.',
      method,
    );
  }
  let raw: Uint8Array;
  if (encryption.method === 'recovery-key') {
    const read = await readRecoveryKey(typed);
    if (!read.ok) return problem('key-typo', `${read.error} Nothing was changed.`, method);
    raw = read.key;
  } else raw = await passphraseKeyBytes(typed, encryption.kdf);
  const key = await importBackupKey(raw, method, method === 'passphrase' ? encryption.kdf : null);
  if (key.id !== keyId) {
    return problem('wrong-key', `This ${keyNames[method]} does not open this backup. Nothing was changed.`, method);
  }
  return { ok: true, value: key };
}

/** The gzip bytes of the records, once the payload is shown to be whole and unchanged. */
async function packedRecords(
  header: BackupHeader,
  headerBytes: Uint8Array,
  payload: Uint8Array,
  unlock: BackupUnlock,
): Promise<BackupResult<Uint8Array>> {
  if (payload.length > header.payload.bytes) return changedOrDamaged();
  if (header.formatVersion === 1) {
    return (await sha256Hex(payload)) === header.payload.sha256 ? { ok: true, value: payload } : changedOrDamaged();
  }
  const key = await keyFor(header.encryption, unlock);
  if (!key.ok) return key;
  try {
    const opened = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(header.encryption.iv) as BufferSource,
        additionalData: headerBytes as BufferSource,
      },
      key.value.key,
      payload as BufferSource,
    );
    return { ok: true, value: new Uint8Array(opened) };
  } catch {
    // The right key, by its id: the payload or the header it is bound to was changed.
    return changedOrDamaged();
  }
}

/**
 * Reads a backup file, checking in order: its size, that it is a backup at all, that it is not
 * from a newer version, that it is complete, that a key to open it is at hand, and that its
 * checksum (format 1) or its authentication tag (format 2) matches. Only then are the records
 * unpacked. Every failure names what happened; nothing here touches the database.
 */
export async function decodeBackup(
  bytes: Uint8Array,
  { maxSchemaVersion, unlock = { held: [] } }: { maxSchemaVersion: number; unlock?: BackupUnlock },
): Promise<BackupResult<DecodedBackup>> {
  if (bytes.length > MAX_BACKUP_BYTES) return problem('too-large', tooLargeMessage(bytes.length));
  const header = readHeader(bytes, maxSchemaVersion);
  if (!header.ok) return header;
  const headerEnd = bytes.indexOf(NEWLINE);
  const payload = bytes.subarray(headerEnd + 1);
  const expectedBytes = header.value.payload.bytes;
  if (payload.length < expectedBytes) {
    return problem(
      'truncated',
      `This backup is incomplete: it should hold ${sizeLabel(expectedBytes)} of data, but the file ends after ${sizeLabel(payload.length)}. ` +
        'It was probably cut off while being copied or downloaded. Nothing was changed.',
    );
  }
  const packed = await packedRecords(header.value, bytes.subarray(0, headerEnd), payload, unlock);
  if (!packed.ok) return packed;
  const damaged = (what: string) =>
    problem('damaged', `This backup passed its checksum but ${what}; it cannot be restored. Nothing was changed.`);
  let tables: unknown;
  try {
    const unpacked = await gunzip(packed.value, MAX_UNPACKED_BYTES);
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

/**
 * A format 1 backup (records in clear) sealed as format 2 with the same header and records, byte
 * for byte once opened: for the backups an earlier version left on this computer. Null when the
 * file is sealed already; a file that fails its checks is left for the coach to see.
 */
export async function sealUnsealedBackup(
  bytes: Uint8Array,
  key: BackupKey,
): Promise<BackupResult<Uint8Array<ArrayBuffer> | null>> {
  const header = readHeader(bytes, Number.MAX_SAFE_INTEGER);
  if (!header.ok) return header;
  if (header.value.formatVersion !== 1) return { ok: true, value: null };
  const headerEnd = bytes.indexOf(NEWLINE);
  const packed = await packedRecords(header.value, bytes.subarray(0, headerEnd), bytes.subarray(headerEnd + 1), {
    held: [],
  });
  if (!packed.ok) return packed;
  return { ok: true, value: await seal(headerFieldsSchema.parse(header.value), packed.value, key) };
}
