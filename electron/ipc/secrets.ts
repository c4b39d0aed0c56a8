// Secrets (upstream tokens, webhook keys) encrypted with the operating system's keychain through
// safeStorage and kept as encrypted blobs in a file in userData; the plaintext never touches disk.
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import { secretKeySchema } from '../../shared/ipc';
import { errorMessage } from '../../shared/result';
import { readJsonFile, writeJsonFile } from '../json-file';
import type { IpcHandlers } from './register';

export type Encryption = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

const secretsFileSchema = z.object({ version: z.literal(1), secrets: z.record(secretKeySchema, z.base64()) });
type SecretsFile = z.infer<typeof secretsFileSchema>;

type SecretStore = {
  get: (key: string) => Promise<string | null>;
  set: (key: string, value: string | null) => Promise<void>;
};

function assertEncryptionAvailable(encryption: Encryption, platform: NodeJS.Platform): void {
  if (!encryption.isEncryptionAvailable()) {
    throw new Error('Secrets cannot be stored safely: the system keychain is not available on this computer');
  }
  // On Linux without a keyring, Chromium falls back to a fixed, publicly known key.
  if (platform === 'linux' && encryption.getSelectedStorageBackend() === 'basic_text') {
    throw new Error(
      'Secrets cannot be stored safely: no system keyring is running (install or unlock GNOME Keyring or KWallet)',
    );
  }
}

export function createSecretStore(file: string, encryption: Encryption, platform = process.platform): SecretStore {
  let pending: Promise<unknown> = Promise.resolve();
  /** Reads and writes run one at a time, so two quick saves cannot overwrite each other. */
  function inTurn<T>(task: () => Promise<T>): Promise<T> {
    const result = pending.then(task);
    pending = result.catch(() => undefined);
    return result;
  }

  async function load(): Promise<SecretsFile> {
    assertEncryptionAvailable(encryption, platform);
    try {
      return (await readJsonFile(file, secretsFileSchema)) ?? { version: 1, secrets: {} };
    } catch (error) {
      throw new Error(`The saved secrets cannot be read: ${errorMessage(error)}`, { cause: error });
    }
  }

  return {
    get: (key) =>
      inTurn(async () => {
        const blob = (await load()).secrets[key];
        if (blob === undefined) return null;
        try {
          return encryption.decryptString(Buffer.from(blob, 'base64'));
        } catch (error) {
          throw new Error(
            `The saved secret "${key}" can no longer be decrypted (the system keychain changed); please enter it again`,
            { cause: error },
          );
        }
      }),
    set: (key, value) =>
      inTurn(async () => {
        const stored = await load();
        const secrets = { ...stored.secrets };
        if (value === null) delete secrets[key];
        else secrets[key] = encryption.encryptString(value).toString('base64');
        writeJsonFile(file, { version: 1, secrets });
      }),
  };
}

export function secretHandlers(store: SecretStore): Pick<IpcHandlers, 'getSecret' | 'setSecret'> {
  return {
    getSecret: ({ key }) => store.get(key),
    setSecret: async ({ key, value }) => {
      await store.set(key, value);
      return true;
    },
  };
}
