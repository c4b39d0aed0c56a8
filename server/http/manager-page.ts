// The program manager page: three static files from server/public, served as they are (no build
// step, nothing from a CDN) under a strict Content-Security-Policy, on the app's own stylesheet
// (renderer/styles.css: its palette, cards, fields, badges and tables), light and dark.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

const publicDir = resolve(import.meta.dirname, '..', 'public');
const appStylesheet = resolve(import.meta.dirname, '..', '..', 'renderer', 'styles.css');

const files = {
  '/manager/': { file: resolve(publicDir, 'manager.html'), type: 'text/html; charset=utf-8' },
  '/manager/manager.js': { file: resolve(publicDir, 'manager.js'), type: 'text/javascript; charset=utf-8' },
  '/manager/manager.css': { file: resolve(publicDir, 'manager.css'), type: 'text/css; charset=utf-8' },
  '/manager/app.css': { file: appStylesheet, type: 'text/css; charset=utf-8' },
} as const;

const pageSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function registerManagerPage(app: FastifyInstance): void {
  for (const [path, { file, type }] of Object.entries(files)) {
    app.get(path, async (_request, reply) =>
      reply
        .type(type)
        .header('Content-Security-Policy', pageSecurityPolicy)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Referrer-Policy', 'no-referrer')
        .header('Cache-Control', 'no-cache')
        .send(await readFile(file)),
    );
  }
  app.get('/', (_request, reply) => reply.redirect('/manager/'));
  app.get('/manager', (_request, reply) => reply.redirect('/manager/'));
}
