// The backup key of this computer, kept as one device setting (`backup.encryption`): a restore
// leaves it as it is, and no backup holds it. Until the coach chooses a recovery key or a
// passphrase, the first backup makes a recovery key for them, and Settings asks them to record
// it. A replaced key is kept as an earlier one, so this computer still opens the backups it made
// with it; another computer needs that key.
import { z } from 'zod';
import { fromBase64, toBase64 } from '../base64';
import {
  importBackupKey,
  kdfSchema,
  keyIdOf,
  keyIdSchema,
  newKdf,
  newRecoveryKeyBytes,
  passphraseKeyBytes,
  type BackupKey,
} from './backup-key';

export const BACKUP_KEY_SETTING = 'backup.encryption';

/** Every setting under this name stays on the computer: out of backups, kept by a restore. */
export const isBackupKeySetting = (key: string) => key.startsWith(BACKUP_KEY_SETTING);

/** Earlier keys kept: automatic backups go after 8 weeks, so a few dozen replacements cover them. */
const MAX_EARLIER_KEYS = 30;

const keyFields = { id: keyIdSchema, key: z.base64(), createdAt: z.number().int() };

const storedKeySchema = z.discriminatedUnion('method', [
  /** `shown`: the coach has seen it, and it is never shown again. */
  z.object({ method: z.literal('recovery-key'), ...keyFields, shown: z.boolean() }),
  z.object({ method: z.literal('passphrase'), ...keyFields, kdf: kdfSchema }),
]);
type StoredKey = z.infer<typeof storedKeySchema>;

export const backupEncryptionSchema = z.object({
  current: storedKeySchema,
  /** False while the key is the one the app made at the first backup, before the coach chose. */
  chosen: z.boolean(),
  earlier: z.array(storedKeySchema).max(MAX_EARLIER_KEYS),
  /** The backups an earlier version left here in clear have all been sealed. */
  olderBackupsSealed: z.boolean().optional(),
});
export type BackupEncryption = z.infer<typeof backupEncryptionSchema>;

/** What of the settings repository this needs; the upgrade guard gives the same on a raw table. */
export type SettingsStore = {
  value(key: string): Promise<unknown>;
  update<T>(key: string, change: (stored: unknown) => T): Promise<T>;
};

function parsed(stored: unknown): BackupEncryption | null {
  if (stored === undefined) return null;
  const result = backupEncryptionSchema.safeParse(stored);
  // Never replaced silently: a new key would leave every backup made so far without its key here.
  if (!result.success) throw new Error('the backup key stored on this computer cannot be read');
  return result.data;
}

export const readBackupEncryption = async (settings: SettingsStore) => parsed(await settings.value(BACKUP_KEY_SETTING));

const toBackupKey = (stored: StoredKey) =>
  importBackupKey(fromBase64(stored.key), stored.method, stored.method === 'passphrase' ? stored.kdf : null);

async function recoveryKeyEntry(now: number, shown: boolean): Promise<StoredKey> {
  const raw = newRecoveryKeyBytes();
  return { method: 'recovery-key', id: await keyIdOf(raw), key: toBase64(raw), createdAt: now, shown };
}

export type BackupKeys = {
  /** The key a new backup is sealed with; the first one asks for a recovery key to be made. */
  forNewBackup(): Promise<BackupKey>;
  /** Every key this computer holds, so its own backups open without asking. */
  held(): Promise<BackupKey[]>;
};

export function deviceBackupKeys(settings: SettingsStore, now: () => number = Date.now): BackupKeys {
  return {
    async forNewBackup() {
      const stored = await readBackupEncryption(settings);
      if (stored) return toBackupKey(stored.current);
      // Made before the write: WebCrypto's promises would end the transaction the write runs in.
      const made = await recoveryKeyEntry(now(), false);
      const kept = await settings.update(
        BACKUP_KEY_SETTING,
        (latest): BackupEncryption => parsed(latest) ?? { current: made, chosen: false, earlier: [] },
      );
      return toBackupKey(kept.current);
    },
    async held() {
      const stored = await readBackupEncryption(settings);
      return stored ? Promise.all([stored.current, ...stored.earlier].map(toBackupKey)) : [];
    },
  };
}

function replaceCurrent(settings: SettingsStore, next: StoredKey): Promise<BackupEncryption> {
  return settings.update(BACKUP_KEY_SETTING, (latest): BackupEncryption => {
    const before = parsed(latest);
    const earlier = before ? [before.current, ...before.earlier.filter((key) => key.id !== before.current.id)] : [];
    return { ...before, current: next, chosen: true, earlier: earlier.slice(0, MAX_EARLIER_KEYS) };
  });
}

/** A recovery key to show the coach, with when it was made. */
export type ShownRecoveryKey = { key: Uint8Array; createdAt: number };

/** A new recovery key for new backups, returned once for the coach to record. */
export async function createRecoveryKey(settings: SettingsStore, now: number): Promise<ShownRecoveryKey> {
  const made = await recoveryKeyEntry(now, true);
  await replaceCurrent(settings, made);
  return { key: fromBase64(made.key), createdAt: now };
}

/**
 * The recovery key the app made at the first backup, for the one time it is shown; from then on
 * it counts as the coach's choice. Null when the current key is not one still to be shown.
 */
export async function revealRecoveryKey(settings: SettingsStore): Promise<ShownRecoveryKey | null> {
  const current = (await readBackupEncryption(settings))?.current;
  if (current?.method !== 'recovery-key' || current.shown) return null;
  await settings.update(BACKUP_KEY_SETTING, (latest): BackupEncryption => {
    const now = parsed(latest)!;
    return now.current.id === current.id ? { ...now, chosen: true, current: { ...current, shown: true } } : now;
  });
  return { key: fromBase64(current.key), createdAt: current.createdAt };
}

/** New backups are sealed with a key stretched from this passphrase; the passphrase is not kept. */
export async function choosePassphrase(settings: SettingsStore, passphrase: string, now: number): Promise<void> {
  const kdf = newKdf();
  const raw = await passphraseKeyBytes(passphrase, kdf);
  await replaceCurrent(settings, {
    method: 'passphrase',
    id: await keyIdOf(raw),
    key: toBase64(raw),
    createdAt: now,
    kdf,
  });
}

/** Kept with the key: without one, no backup was sealed, and the next run looks again. */
export async function markOlderBackupsSealed(settings: SettingsStore): Promise<void> {
  if (!(await readBackupEncryption(settings))) return;
  await settings.update(BACKUP_KEY_SETTING, (latest): BackupEncryption => ({
    ...parsed(latest)!,
    olderBackupsSealed: true,
  }));
}
