// The hub as a Fastify instance: limits (body size, requests per minute), CORS for the
// app's web version, JSON errors, and the routes. main.ts listens; tests call buildHub directly.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { HUB_PROTOCOL_VERSION, hubPaths } from '../shared/hub-protocol';
import type { HubLimits, TrustProxy } from './config';
import type { SqlDatabase } from './db/sql';
import { HubHttpError, installErrorHandling } from './http/errors';
import { registerManagerPage } from './http/manager-page';
import { registerManagerRoutes } from './http/manager-routes';
import { rateLimitBuckets } from './http/rate-limit-buckets';
import { registerSyncRoutes } from './http/sync-routes';

type HubOptions = {
  db: SqlDatabase;
  limits: HubLimits;
  now?: () => number;
  /** Which proxies' X-Forwarded-For to believe for the client's address; none by default. */
  trustProxy?: TrustProxy;
};

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const context = { db: options.db, now: options.now ?? Date.now };
  const serverOptions: FastifyServerOptions = {
    bodyLimit: options.limits.bodyLimitBytes,
    logger: false,
    trustProxy: options.trustProxy ?? false,
  };
  const app = Fastify(serverOptions);
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
  const buckets = rateLimitBuckets();
  await app.register(rateLimit, {
    max: options.limits.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: buckets.key,
    errorResponseBuilder: () =>
      new HubHttpError(429, 'rate-limited', 'Too many requests; try again after Retry-After seconds'),
  });
  // Before the answer leaves, so the client's next request already counts in the right bucket.
  app.addHook('onSend', async (request, reply, payload) => {
    buckets.settle(request, reply.statusCode);
    return payload;
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
