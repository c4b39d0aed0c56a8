// Signs a webhook body as shared/sync-protocol.ts and README.md ("Webhook: building the receiving side") describe, with WebCrypto so
// it runs in the renderer on desktop and on the web alike.
import { formatSignatureHeader, signedMessage } from '../../shared/sync-protocol';

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Imported keys by secret, so a drain of many batches imports its key once. */
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.clear();
    keys.set(secret, key);
  }
  return key;
}

async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message)));
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** The value of the Followthrough-Signature header for `body` sent at `timestampSeconds`. */
export async function signatureHeader(secret: string, timestampSeconds: number, body: string): Promise<string> {
  return formatSignatureHeader(timestampSeconds, await hmacSha256Hex(secret, signedMessage(timestampSeconds, body)));
}
