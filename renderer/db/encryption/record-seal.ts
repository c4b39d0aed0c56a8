// A record's sealed fields as one AES-GCM ciphertext under the data key, with a fresh 96-bit IV
// for every write. The table's name and the record's id are authenticated with it, so a sealed
// blob copied onto another record, or into another table, fails to open instead of showing
// someone else's notes.
import type { OpenedRecords } from './opened-records';
import { fieldsToSeal } from './sealed-fields';

/** The stored property that holds the IV followed by the ciphertext. */
export const SEALED = 'sealed';
const IV_BYTES = 12;
/** getRandomValues refuses more than 64 KiB at once. */
const MOST_RANDOM_BYTES_PER_CALL = 65_536;

export type StoredRecord = Record<string, unknown>;

export class SealBrokenError extends Error {
  constructor(table: string) {
    super(
      `A ${table} record cannot be decrypted with this computer's key: it was changed outside Followthrough or belongs to another profile`,
    );
  }
}

export const isSealed = (record: unknown): record is StoredRecord =>
  typeof record === 'object' && record !== null && SEALED in record;

/** The record's name as sealed with it: settings are keyed by `key`; tables with a number key (the
 * outbox) get it only once stored, so they are sealed without. */
const nameOf = (record: StoredRecord): string =>
  typeof record.id === 'string' ? record.id : typeof record.key === 'string' ? record.key : '';

const associatedData = (table: string, record: StoredRecord): Uint8Array =>
  new TextEncoder().encode(`${table}\u0000${nameOf(record)}`);

/** `count` fresh random IVs, drawn in one call: one call per record is most of a bulk write's cost. */
export function freshIvs(count: number): Uint8Array<ArrayBuffer> {
  const ivs = new Uint8Array(IV_BYTES * count);
  for (let start = 0; start < ivs.length; start += MOST_RANDOM_BYTES_PER_CALL) {
    crypto.getRandomValues(ivs.subarray(start, start + MOST_RANDOM_BYTES_PER_CALL));
  }
  return ivs;
}

export const ivAt = (ivs: Uint8Array<ArrayBuffer>, index: number): Uint8Array<ArrayBuffer> =>
  ivs.subarray(index * IV_BYTES, (index + 1) * IV_BYTES);

/** The record as stored: its sealed fields moved into one ciphertext; unchanged when none is set. */
export async function sealRecord(
  key: CryptoKey,
  table: string,
  record: StoredRecord,
  opened: OpenedRecords,
  iv: Uint8Array<ArrayBuffer> = freshIvs(1),
): Promise<StoredRecord> {
  const fields = fieldsToSeal(table, record).filter((field) => record[field] !== undefined);
  if (fields.length === 0) return record;
  const clear: StoredRecord = { ...record };
  const secret: StoredRecord = {};
  for (const field of fields) {
    secret[field] = record[field];
    delete clear[field];
  }
  const secretText = JSON.stringify(secret);
  const plaintext = new TextEncoder().encode(secretText);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(table, record) as BufferSource },
    key,
    plaintext,
  );
  const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ciphertext), IV_BYTES);
  clear[SEALED] = sealed;
  opened.set(table, nameOf(record), iv, secretText);
  return clear;
}

/** The record in clear if this ciphertext was opened or sealed lately, without WebCrypto. */
export function openedBefore(table: string, stored: StoredRecord, opened: OpenedRecords): StoredRecord | undefined {
  const { [SEALED]: sealed, ...clear } = stored;
  if (!(sealed instanceof Uint8Array)) return undefined;
  const secret = opened.get(table, nameOf(clear), sealed.subarray(0, IV_BYTES));
  return secret === undefined ? undefined : { ...clear, ...(JSON.parse(secret) as StoredRecord) };
}

/** The record as the app knows it, its sealed fields back in place. */
export async function openRecord(
  key: CryptoKey,
  table: string,
  stored: StoredRecord,
  opened: OpenedRecords,
): Promise<StoredRecord> {
  const { [SEALED]: sealed, ...clear } = stored;
  if (!(sealed instanceof Uint8Array) || sealed.length <= IV_BYTES) throw new SealBrokenError(table);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.subarray(0, IV_BYTES) as BufferSource,
        additionalData: associatedData(table, clear) as BufferSource,
      },
      key,
      sealed.subarray(IV_BYTES) as BufferSource,
    );
  } catch {
    throw new SealBrokenError(table);
  }
  const secretText = new TextDecoder().decode(plaintext);
  opened.set(table, nameOf(clear), sealed.subarray(0, IV_BYTES), secretText);
  return { ...clear, ...(JSON.parse(secretText) as StoredRecord) };
}
