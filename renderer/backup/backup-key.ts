// The keys a backup's records are sealed with (AES-256-GCM): a random recovery key, or a key
// stretched from the coach's passphrase with PBKDF2. The file's header names its key by an id, the
// first 8 bytes of a SHA-256 of the key under a label of its own: the reader knows which key opens
// the file without trying one, and the id says nothing of the key.
import { z } from 'zod';
import { fromBase64, toBase64 } from '../base64';
import { PBKDF2_ITERATIONS, pbkdf2Sha256 } from '../pbkdf2';
import { RECOVERY_KEY_BYTES } from './recovery-key';

export type KeyMethod = 'recovery-key' | 'passphrase';

export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);

export const kdfSchema = z.object({
  name: z.literal('PBKDF2-SHA-256'),
  // Bounded both ways: a header cannot make the reader stretch a passphrase weakly or for hours.
  iterations: z.number().int().min(100_000).max(10_000_000),
  salt: z.base64(),
});
export type Kdf = z.infer<typeof kdfSchema>;

export type BackupKey = { method: KeyMethod; id: string; key: CryptoKey; kdf: Kdf | null };

export const MIN_PASSPHRASE_LENGTH = 10;
const SALT_BYTES = 16;
const KEY_ID_LABEL = new TextEncoder().encode('followthrough backup key id\0');

export async function keyIdOf(raw: Uint8Array): Promise<string> {
  const labelled = new Uint8Array(KEY_ID_LABEL.length + raw.length);
  labelled.set(KEY_ID_LABEL);
  labelled.set(raw, KEY_ID_LABEL.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', labelled));
  return Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A key ready to seal and open backups; WebCrypto will not hand its bytes out again. */
export async function importBackupKey(raw: Uint8Array, method: KeyMethod, kdf: Kdf | null): Promise<BackupKey> {
  const key = await crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { method, id: await keyIdOf(raw), key, kdf };
}

export const newRecoveryKeyBytes = () => crypto.getRandomValues(new Uint8Array(RECOVERY_KEY_BYTES));

export const newKdf = (): Kdf => ({
  name: 'PBKDF2-SHA-256',
  iterations: PBKDF2_ITERATIONS,
  salt: toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES))),
});

export const passphraseKeyBytes = (passphrase: string, kdf: Kdf) =>
  pbkdf2Sha256(passphrase, fromBase64(kdf.salt), kdf.iterations);

/** Why a passphrase cannot be used, or null when it can. */
export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `Use at least ${MIN_PASSPHRASE_LENGTH} characters: a backup file can be tried against guesses for as long as someone holds it.`;
  }
  if (passphrase.trim() !== passphrase)
    return 'Leave out the spaces at the start and the end: they are easily forgotten.';
  return null;
}
