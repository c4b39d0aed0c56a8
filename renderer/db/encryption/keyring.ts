// The data key the encryption middleware seals and opens records with. It is held only in memory,
// as a WebCrypto key no script can export, and only while the app is unlocked: locking forgets it,
// and from then on the data layer refuses to read or write sealed tables until it is given again.

export class DataLockedError extends Error {
  constructor() {
    super('Followthrough is locked: unlock it to read or change your notes');
  }
}

import { createOpenedRecords, type OpenedRecords } from './opened-records';

export type Keyring = {
  /** The key, or null while locked or before encryption is set up. */
  readonly key: CryptoKey | null;
  /** Whether this database is encrypted: then nothing is read or written in clear without the key. */
  readonly sealing: boolean;
  open(key: CryptoKey): void;
  /** Marks the database as encrypted (after its migration, or when it is found encrypted at start). */
  startSealing(): void;
  forget(): void;
  /** Calls `forgotten` each time the key is forgotten, so whatever holds private text in memory
   * drops it with the key; returns how to stop. */
  onForget(forgotten: () => void): () => void;
  /** Records opened with the key, in memory only while it is held. */
  readonly opened: OpenedRecords;
};

export function createKeyring(): Keyring {
  let key: CryptoKey | null = null;
  let sealing = false;
  const opened = createOpenedRecords();
  const listeners = new Set<() => void>();
  return {
    opened,
    get key() {
      return key;
    },
    get sealing() {
      return sealing;
    },
    open(given) {
      if (given !== key) opened.clear();
      key = given;
    },
    startSealing() {
      sealing = true;
    },
    forget() {
      key = null;
      opened.clear();
      listeners.forEach((forgotten) => forgotten());
    },
    onForget(forgotten) {
      listeners.add(forgotten);
      return () => listeners.delete(forgotten);
    },
  };
}

/** A keyring holding `key` over a database whose notes are all sealed: the app's once unlocked. */
export function sealingKeyring(key: CryptoKey): Keyring {
  const keyring = createKeyring();
  keyring.open(key);
  keyring.startSealing();
  return keyring;
}

export async function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** What a worker needs to read the same database: sent with each message (a CryptoKey clones). */
export type KeyringShare = { key: CryptoKey | null; sealing: boolean };

export const shareKeyring = (keyring: Keyring): KeyringShare => ({ key: keyring.key, sealing: keyring.sealing });

export function adoptKeyring(keyring: Keyring, share: KeyringShare): void {
  if (share.key) keyring.open(share.key);
  else keyring.forget();
  if (share.sealing) keyring.startSealing();
}
