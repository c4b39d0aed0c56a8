// What was opened (or sealed) lately, by the exact ciphertext: the table, the record's id and the
// write's random IV name one sealed value, the same three the ciphertext is authenticated with,
// so a sealed blob moved onto another record never hits. A hit needs no WebCrypto and so no wait
// inside the transaction, which is most of what reading a sealed record costs: live queries read
// the same records again after every write. It holds plaintext, so the keyring empties it when
// it forgets the key.
import { toBase64 } from '../../base64';

const MOST = 20_000;

export type OpenedRecords = {
  get(table: string, name: string, iv: Uint8Array): string | undefined;
  set(table: string, name: string, iv: Uint8Array, secret: string): void;
  clear(): void;
  /** How many opened values it holds. */
  readonly size: number;
};

export function createOpenedRecords(): OpenedRecords {
  const opened = new Map<string, string>();
  const keyOf = (table: string, name: string, iv: Uint8Array) => `${table}\u0000${name}\u0000${toBase64(iv)}`;
  return {
    get: (table, name, iv) => opened.get(keyOf(table, name, iv)),
    set(table, name, iv, secret) {
      opened.set(keyOf(table, name, iv), secret);
      // A Map iterates in insertion order: the first key is the oldest.
      if (opened.size > MOST) opened.delete(opened.keys().next().value!);
    },
    clear: () => opened.clear(),
    get size() {
      return opened.size;
    },
  };
}
