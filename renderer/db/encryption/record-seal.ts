// A record's sealed fields as one AES-GCM ciphertext under the data key, with a fresh 96-bit IV
// for every write. The table's name and the record's id are authenticated with it, so a sealed
// blob copied onto another record, or into another table, fails to open instead of showing
// someone else's notes.
import { fieldsToSeal } from './sealed-fields';

/** The stored property that holds the IV followed by the ciphertext. */
export const SEALED = 'sealed';
const IV_BYTES = 12;

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

function associatedData(table: string, record: StoredRecord): Uint8Array {
  // Settings are keyed by `key`; tables with a number key (the outbox) get it only once stored.
  const name = typeof record.id === 'string' ? record.id : typeof record.key === 'string' ? record.key : '';
  return new TextEncoder().encode(`${table}\u0000${name}`);
}

/** The record as stored: its sealed fields moved into one ciphertext; unchanged when none is set. */
export async function sealRecord(key: CryptoKey, table: string, record: StoredRecord): Promise<StoredRecord> {
  const fields = fieldsToSeal(table, record).filter((field) => record[field] !== undefined);
  if (fields.length === 0) return record;
  const clear: StoredRecord = { ...record };
  const secret: StoredRecord = {};
  for (const field of fields) {
    secret[field] = record[field];
    delete clear[field];
  }
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = new TextEncoder().encode(JSON.stringify(secret));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(table, record) as BufferSource },
    key,
    plaintext,
  );
  const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  sealed.set(iv);
  sealed.set(new Uint8Array(ciphertext), IV_BYTES);
  clear[SEALED] = sealed;
  return clear;
}

/** The record as the app knows it, its sealed fields back in place. */
export async function openRecord(key: CryptoKey, table: string, stored: StoredRecord): Promise<StoredRecord> {
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
  return { ...clear, ...(JSON.parse(new TextDecoder().decode(plaintext)) as StoredRecord) };
}
