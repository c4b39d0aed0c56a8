// Where the data key is kept between runs, never in clear:
//  - `device`: in the operating system's keychain (safeStorage on desktop; on the web, under a
//    browser key no script can read out), through the platform's secret store;
//  - `passcode`: wrapped with a key derived from the app lock's passcode (PBKDF2-SHA-256, the
//    lock's 600,000 iterations), so while the app is locked nothing on this computer opens it.
// The custody record itself is a device setting: a restore keeps it, a backup never carries it.
import { z } from 'zod';
import { fromBase64, toBase64 } from '../../base64';
import { PBKDF2_ITERATIONS } from '../../features/lock/passcode';
import type { SettingsRepository } from '../repositories';

export const DATA_KEY_SETTING = 'encryption.data-key';
/** Where this computer keeps its own data key: never in a backup, kept by a restore. */
export const isDataKeySetting = (key: string) => key === DATA_KEY_SETTING;

/** The platform secret that holds the data key in `device` custody. */
export const DEVICE_SECRET = 'data-key';

const SALT_BYTES = 16;
const IV_BYTES = 12;

const passcodeWrapSchema = z.object({
  iterations: z.number().int().min(100_000),
  salt: z.base64(),
  iv: z.base64(),
  wrapped: z.base64(),
});
type PasscodeWrap = z.infer<typeof passcodeWrapSchema>;

export const custodySchema = z.object({
  /** Whether every record was sealed (set in the migration's own transaction). */
  sealedAll: z.boolean(),
  protection: z.discriminatedUnion('by', [
    z.object({ by: z.literal('device') }),
    z.object({ by: z.literal('passcode'), ...passcodeWrapSchema.shape }),
  ]),
});
export type Custody = z.infer<typeof custodySchema>;

export async function readCustody(settings: Pick<SettingsRepository, 'value'>): Promise<Custody | null> {
  const stored = await settings.value(DATA_KEY_SETTING);
  if (stored === undefined) return null;
  const parsed = custodySchema.safeParse(stored);
  if (!parsed.success) throw new Error('The record of where your notes’ key is kept is damaged');
  return parsed.data;
}

export const writeCustody = (settings: SettingsRepository, custody: Custody) =>
  settings.setValue(DATA_KEY_SETTING, custodySchema.parse(custody));

export async function exportRaw(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

export function importRaw(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', true, ['encrypt', 'decrypt']);
}

async function passcodeKey(passcode: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passcode), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export async function wrapWithPasscode(
  dataKey: CryptoKey,
  passcode: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<PasscodeWrap> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const wrapping = await passcodeKey(passcode, salt, iterations);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrapping, { name: 'AES-GCM', iv });
  return { iterations, salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
}

/** The data key, or null when the passcode does not open it. */
export async function unwrapWithPasscode(wrap: PasscodeWrap, passcode: string): Promise<CryptoKey | null> {
  const wrapping = await passcodeKey(passcode, fromBase64(wrap.salt), wrap.iterations);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      fromBase64(wrap.wrapped) as BufferSource,
      wrapping,
      { name: 'AES-GCM', iv: fromBase64(wrap.iv) as BufferSource },
      'AES-GCM',
      true,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
}
