import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppUrl, trustedExternalUrl } from '../../../electron/url-check';

// Two different questions, two functions:
// - isAppUrl: may the app window itself show this page? Only our own origin, app://followthrough.
//   `https://evil.example/?next=app://…` is someone else's page that merely mentions our origin,
//   so it is refused — a substring or prefix test is exactly what such URLs are built to fool.
// - trustedExternalUrl: may this link be handed to the coach's browser? Any plain http(s)
//   address without credentials. The same evil.example link is an ordinary web page there: the
//   browser cannot reach app:// and the app window never loads it, so it passes. Everything
//   that is not http(s) (javascript:, file:, data:, custom schemes, UNC paths) is refused.

const bypassAttempts = [
  'javascript:alert(1)',
  'JavaScript:alert(document.domain)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'FILE:///C:/Windows/System32/calc.exe',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://followthrough/6f1c1f0e-1111-4a4a-8b8b-123456789abc',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ms-msdt:/id PCWDiagnostic',
  'smb://attacker.example/share',
  '\\\\attacker.example\\share\\x.exe',
  '//evil.example/path',
  'mailto:someone@example.com',
  '',
  'not a url',
];

const appLookAlikes = [
  'app://followthrough.evil.example/index.html',
  'app://evil.example/followthrough/index.html',
  'app://followthrough@evil.example/index.html',
  'app://user:secret@followthrough/index.html',
  'app://followthrough:8080/index.html',
  'app://followthrough%2eevil.example/index.html',
  'app:followthrough/index.html',
  'app:///followthrough/index.html',
  'apps://followthrough/index.html',
  'xapp://followthrough/index.html',
  'http://followthrough/index.html',
  'https://followthrough/index.html',
  'https://evil.example/?next=app://followthrough/index.html',
  'https://evil.example/#app://followthrough/',
  'https://evil.example/app://followthrough/index.html',
  'https://app.followthrough.evil.example/',
];

describe('isAppUrl (navigation inside the app window)', () => {
  it.each([
    'app://followthrough/index.html',
    'app://followthrough/',
    'app://followthrough/index.html#/sessions/3f2a',
    'app://followthrough/assets/index-3b2c1d.js?v=1',
  ])('accepts a page of the app: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([...bypassAttempts, ...appLookAlikes])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses any web page that carries our origin in its query or fragment', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.webPath(), (webUrl, path) => {
        const lure = `app://followthrough${path}`;
        expect(isAppUrl(`${webUrl}${webUrl.includes('?') ? '&' : '?'}next=${lure}`)).toBe(false);
        expect(isAppUrl(`${webUrl}#${lure}`)).toBe(false);
      }),
    );
  });
});

describe('trustedExternalUrl (links opened in the browser)', () => {
  it.each([
    ['https://www.example.com/coaching?week=3#notes', 'https://www.example.com/coaching?week=3#notes'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/a/../b', 'https://example.com/b'],
    ['  https://example.com/padded  ', 'https://example.com/padded'],
    // Empty credentials vanish in the normalized address the browser receives.
    ['http://:@example.com/', 'http://example.com/'],
    // A normal web page that mentions our origin; see the comment at the top of this file.
    [
      'https://evil.example/?next=app://followthrough/index.html',
      'https://evil.example/?next=app://followthrough/index.html',
    ],
  ])('opens %j as %j', (url, expected) => {
    expect(trustedExternalUrl(url)).toBe(expected);
  });

  it.each([
    ...bypassAttempts,
    'app://followthrough/index.html',
    'app://followthrough.evil.example/',
    'https://user:password@example.com/',
    'https://user@example.com/',
    'https:',
    'http://',
  ])('refuses %j', (url) => {
    expect(trustedExternalUrl(url)).toBeNull();
  });

  it('returns only http(s) addresses without credentials, and the same one when checked again', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (candidate) => {
        const opened = trustedExternalUrl(candidate);
        if (opened === null) return;
        const url = new URL(opened);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect(trustedExternalUrl(opened)).toBe(opened);
      }),
    );
  });
});
