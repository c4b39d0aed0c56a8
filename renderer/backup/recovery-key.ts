// A recovery key as a person copies it: the 32 key bytes and 3 bytes of their SHA-256 as a
// checksum, written in Crockford's base32 (digits and capitals without I, L, O and U, so nothing
// reads as something else) in 14 groups of 4. The checksum tells a typo from a key that is merely
// another one: 1 mistyped character in 16 million passes it.
export const RECOVERY_KEY_BYTES = 32;
const CHECKSUM_BYTES = 3;
const GROUP = 4;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 35 bytes are 280 bits, exactly 56 characters of 5 bits. */
const CHARACTERS = ((RECOVERY_KEY_BYTES + CHECKSUM_BYTES) * 8) / 5;
const GROUPS = CHARACTERS / GROUP;
/** Crockford's reading of the letters people confuse with digits. */
const READ_AS: Record<string, string> = { O: '0', I: '1', L: '1' };

async function checksum(key: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-256', key as BufferSource);
  return new Uint8Array(digest, 0, CHECKSUM_BYTES);
}

function toBase32(bytes: Uint8Array): string {
  let text = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return text;
}

function fromBase32(text: string): Uint8Array {
  const bytes = new Uint8Array((text.length * 5) / 8);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const character of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 255;
    }
    buffer &= (1 << bits) - 1;
  }
  return bytes;
}

export async function recoveryKeyText(key: Uint8Array): Promise<string> {
  const packed = new Uint8Array(RECOVERY_KEY_BYTES + CHECKSUM_BYTES);
  packed.set(key);
  packed.set(await checksum(key), RECOVERY_KEY_BYTES);
  return (toBase32(packed).match(new RegExp(`.{${GROUP}}`, 'g')) ?? []).join('-');
}

export type RecoveryKeyReading = { ok: true; key: Uint8Array } | { ok: false; error: string };

/** Reads a typed or pasted recovery key: case, spaces and dashes do not matter, O/I/L read as 0/1. */
export async function readRecoveryKey(typed: string): Promise<RecoveryKeyReading> {
  const text = [...typed.toUpperCase().replace(/[\s-]/g, '')].map((character) => READ_AS[character] ?? character);
  const stray = text.find((character) => !ALPHABET.includes(character));
  if (stray !== undefined) {
    return {
      ok: false,
      error: `That recovery key has a typo: “${stray}” is not in any recovery key (only digits and the letters A–Z but U). Check it against your copy.`,
    };
  }
  if (text.length !== CHARACTERS) {
    return {
      ok: false,
      error: `That recovery key has a typo: a recovery key has ${CHARACTERS} characters in ${GROUPS} groups of ${GROUP}, and this one has ${text.length}. Check it against your copy.`,
    };
  }
  const packed = fromBase32(text.join(''));
  const key = packed.slice(0, RECOVERY_KEY_BYTES);
  const expected = await checksum(key);
  if (expected.some((byte, index) => byte !== packed[RECOVERY_KEY_BYTES + index])) {
    return {
      ok: false,
      error:
        'That recovery key has a typo: it is not one Followthrough made. Check it group by group against your copy.',
    };
  }
  return { ok: true, key };
}
