// A key stretched from something a person types (the app lock's passcode, a backup's passphrase)
// with PBKDF2-SHA-256 through WebCrypto. 600,000 iterations is OWASP's 2023 figure for
// PBKDF2-SHA-256; callers store the count beside the salt, so a later release can raise it.
export const PBKDF2_ITERATIONS = 600_000;

export async function pbkdf2Sha256(secret: string, salt: Uint8Array, iterations: number, bits = 256) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveBits']);
  const derived = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    bits,
  );
  return new Uint8Array(derived);
}
