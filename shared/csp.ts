// The Content-Security-Policy sent with every page of the app: by the app:// protocol handler on
// desktop and by the static server on the web. Scripts only from the app itself, no eval, no
// plugins, no framing; network requests only to http(s) upstreams the coach configures.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' http: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
