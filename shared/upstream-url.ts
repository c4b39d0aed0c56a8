// Where sync may send the coach's data: https anywhere; plain http only to this computer, where
// nothing crosses a network on which it could be read or changed on the way. The settings, the
// sync transport and the main process all ask this one question.

/** localhost, 127.0.0.0/8 and ::1, as the URL parser writes their host names. */
const loopbackHost = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export const CLEARTEXT_UPSTREAM_MESSAGE =
  'Use an https:// address: over plain http:// your actions and participants’ names would cross the network ' +
  'unencrypted, readable by anyone on the way. http:// is accepted only for this computer (localhost, 127.0.0.1).';

/** False only for a plain http address of another computer; anything that is no URL is left to other checks. */
export function isEncryptedOrLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  return parsed.protocol !== 'http:' || loopbackHost.test(parsed.hostname);
}
