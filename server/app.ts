// The hub as a Fastify instance: limits (body size, requests per token per minute), CORS for the
// app's web version, JSON errors, and the routes. main.ts listens; tests call buildHub directly.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import { HUB_PROTOCOL_VERSION, hubPaths } from '../shared/hub-protocol';
import type { HubLimits } from './config';
import type { SqlDatabase } from './db/sql';
import { bearerToken } from './http/authorize';
import { HubHttpError, installErrorHandling } from './http/errors';
import { registerManagerPage } from './http/manager-page';
import { registerManagerRoutes } from './http/manager-routes';
import { registerSyncRoutes } from './http/sync-routes';

type HubOptions = { db: SqlDatabase; limits: HubLimits; now?: () => number };

/** Requests are counted per token; requests without one, per address. */
function rateLimitKey(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token ? `token:${createHash('sha256').update(token).digest('hex')}` : `ip:${request.ip}`;
}

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const context = { db: options.db, now: options.now ?? Date.now };
  const app = Fastify({ bodyLimit: options.limits.bodyLimitBytes, logger: false });
  installErrorHandling(app);
  // Bodies are JSON only; anything else is refused with 415 before a handler sees it.
  app.removeContentTypeParser('text/plain');
  await app.register(cors, {
    // Tokens travel in a header, never in cookies, so any origin may call with one.
    origin: true,
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Followthrough-Payload-Version'],
    exposedHeaders: ['Retry-After'],
    methods: ['GET', 'POST'],
  });
  await app.register(rateLimit, {
    max: options.limits.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: () =>
      new HubHttpError(429, 'rate-limited', 'Too many requests for this token; try again after Retry-After seconds'),
  });

  app.get(hubPaths.health, { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await options.db.query('SELECT 1');
      return { status: 'ok', engine: options.db.engine, protocol: HUB_PROTOCOL_VERSION };
    } catch {
      return reply
        .status(503)
        .send({ status: 'unavailable', engine: options.db.engine, protocol: HUB_PROTOCOL_VERSION });
    }
  });
  registerSyncRoutes(app, context);
  registerManagerRoutes(app, context);
  registerManagerPage(app);
  return app;
}
