// The two URL decisions the main process makes for the renderer. They parse with the WHATWG URL
// parser and compare parsed parts, never substrings, so `https://evil.example/?next=app://…` or
// `app://followthrough.evil/` cannot pass for the app.
import { appHost, appScheme } from './app-origin';

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True only for a page of the app itself: the app:// scheme on its one fixed host, no credentials, no port. */
export function isAppUrl(value: string): boolean {
  const url = parse(value);
  return (
    url !== null &&
    url.protocol === `${appScheme}:` &&
    url.host === appHost &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The address to hand to the coach's browser, or null when the link must not leave the app.
 * Only plain http(s) without credentials passes; the normalized href is returned so the browser
 * receives exactly what was checked. An https page whose query mentions app:// passes here: it
 * opens in the browser, which cannot reach the app's origin. It is the in-window check,
 * `isAppUrl`, that must (and does) refuse it.
 */
export function trustedExternalUrl(value: string): string | null {
  const url = parse(value);
  if (url === null) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}
