// The app lock's passcode is never stored: only a PBKDF2-SHA-256 hash of it with a random salt,
// made and checked with WebCrypto. The iteration count is stored with the hash, so a later
// release can raise it for new passcodes.
import { z } from 'zod';
import { fromBase64, toBase64 } from '../../base64';
import { PBKDF2_ITERATIONS, pbkdf2Sha256 } from '../../pbkdf2';

export { PBKDF2_ITERATIONS };
const MIN_PASSCODE_LENGTH = 6;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export const passcodeHashSchema = z.object({
  algorithm: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().min(100_000),
  salt: z.base64(),
  hash: z.base64(),
});
type PasscodeHash = z.infer<typeof passcodeHashSchema>;

const derive = (passcode: string, salt: Uint8Array, iterations: number) =>
  pbkdf2Sha256(passcode, salt, iterations, HASH_BITS);

/** Why a passcode cannot be used, or null when it can. */
export function passcodeProblem(passcode: string): string | null {
  if (passcode.length < MIN_PASSCODE_LENGTH) return `Use at least ${MIN_PASSCODE_LENGTH} characters`;
  return null;
}

export async function hashPasscode(passcode: string, iterations = PBKDF2_ITERATIONS): Promise<PasscodeHash> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(passcode, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Compares every byte, so the time taken says nothing about how much of a guess was right. */
export async function verifyPasscode(passcode: string, stored: PasscodeHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(passcode, fromBase64(stored.salt), stored.iterations);
  let difference = expected.length ^ actual.length;
  for (let index = 0; index < expected.length; index += 1) difference |= expected[index] ^ (actual[index] ?? 0);
  return difference === 0;
}
