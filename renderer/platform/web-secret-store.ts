// Secrets (the webhook's signing secret, the hub token) when the app runs as a web page, where
// there is no OS keychain. They live in an IndexedDB database of their own, apart from the coach's
// data, so backups, exports and erasure never see them. Each is stored only as AES-GCM ciphertext
// under a key WebCrypto generated as non-extractable: the page can encrypt and decrypt with it, but
// no script can read the key out, and no secret sits in the database in plain text. The browser
// itself keeps the key in its profile, so this is no defence against someone who holds that profile.
import Dexie, { type EntityTable } from 'dexie';
import { errorMessage, fail, ok, type Result } from '../../shared/result';

const WEB_SECRETS_DATABASE = 'followthrough-secrets';

export const UNREADABLE_SECRET_MESSAGE =
  'The saved secret can no longer be decrypted in this browser (its key was cleared or replaced). Enter it again in Sync settings';

const ENCRYPTION_KEY_ID = 'aes-gcm';

type StoredKey = { id: string; key: CryptoKey };
type StoredSecret = { name: string; iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer };

class WebSecretDatabase extends Dexie {
  keys!: EntityTable<StoredKey, 'id'>;
  secrets!: EntityTable<StoredSecret, 'name'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ keys: 'id', secrets: 'name' });
  }
}

type WebSecretStore = {
  getSecret: (name: string) => Promise<Result<string | null>>;
  setSecret: (name: string, value: string | null) => Promise<Result<true>>;
};

const encoder = new TextEncoder();

/** The secret's name is authenticated with it, so a ciphertext moved under another name fails to decrypt. */
const gcmParameters = (name: string, iv: Uint8Array<ArrayBuffer>): AesGcmParams => ({
  name: 'AES-GCM',
  iv,
  additionalData: encoder.encode(name),
});

export function createWebSecretStore(databaseName = WEB_SECRETS_DATABASE): WebSecretStore {
  const db = new WebSecretDatabase(databaseName);

  async function encryptionKey(): Promise<CryptoKey> {
    const stored = await db.keys.get(ENCRYPTION_KEY_ID);
    if (stored) return stored.key;
    const generated = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // Another tab may have stored a key meanwhile: the first one stored is the one every tab uses.
    return db.transaction('rw', db.keys, async () => {
      const first = await db.keys.get(ENCRYPTION_KEY_ID);
      if (first) return first.key;
      await db.keys.add({ id: ENCRYPTION_KEY_ID, key: generated });
      return generated;
    });
  }

  return {
    getSecret: async (name) => {
      let stored: StoredSecret | undefined;
      let storedKey: StoredKey | undefined;
      try {
        [stored, storedKey] = await db.transaction('r', db.secrets, db.keys, () =>
          Promise.all([db.secrets.get(name), db.keys.get(ENCRYPTION_KEY_ID)]),
        );
      } catch (error) {
        return fail(`This browser's storage could not be read (${errorMessage(error)})`);
      }
      if (!stored) return ok(null);
      if (!storedKey) return fail(UNREADABLE_SECRET_MESSAGE);
      try {
        const plain = await crypto.subtle.decrypt(gcmParameters(name, stored.iv), storedKey.key, stored.ciphertext);
        return ok(new TextDecoder().decode(plain));
      } catch {
        return fail(UNREADABLE_SECRET_MESSAGE);
      }
    },
    setSecret: async (name, value) => {
      try {
        if (value === null) {
          await db.secrets.delete(name);
          return ok(true);
        }
        const key = await encryptionKey();
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const ciphertext = await crypto.subtle.encrypt(gcmParameters(name, iv), key, encoder.encode(value));
        await db.secrets.put({ name, iv, ciphertext });
        return ok(true);
      } catch (error) {
        return fail(`This browser's storage refused it (${errorMessage(error)})`);
      }
    },
  };
}
