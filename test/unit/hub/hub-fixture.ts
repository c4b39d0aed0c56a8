// A real hub on 127.0.0.1 for the tests, on a fresh database of the engine under test
// (test/support/hub-databases.ts: PGlite by default, PostgreSQL when DATABASE_URL is set).
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../../../server/app';
import type { HubLimits, TrustProxy } from '../../../server/config';
import { openDatabase } from '../../../server/db/open';
import type { SqlDatabase } from '../../../server/db/sql';
import { issueToken } from '../../../server/auth/tokens';
import { freshDatabase } from '../../support/hub-databases';

export { engineUnderTest, freshDatabase, type FreshDatabase } from '../../support/hub-databases';

export const testLimits: HubLimits = { bodyLimitBytes: 2 * 1024 * 1024, rateLimitPerMinute: 100_000 };

export type TestHub = {
  url: string;
  db: SqlDatabase;
  app: FastifyInstance;
  engine: SqlDatabase['engine'];
  /** A new coach token (the coach and organisation are created when new). */
  coachToken: (organisation: string, coach: string, label?: string) => Promise<string>;
  managerToken: (organisation: string, label?: string) => Promise<string>;
  close: () => Promise<void>;
};

export async function startTestHub(
  options: { limits?: Partial<HubLimits>; now?: () => number; trustProxy?: TrustProxy } = {},
): Promise<TestHub> {
  const storage = await freshDatabase();
  const db = await openDatabase(storage.target);
  const app = await buildHub({
    db,
    limits: { ...testLimits, ...options.limits },
    now: options.now,
    trustProxy: options.trustProxy,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const issue = async (organisation: string, coach: string | undefined, label: string) =>
    (await db.transaction((tx) => issueToken(tx, { organisation, coach, label }, Date.now()))).token;
  return {
    url,
    db,
    app,
    engine: db.engine,
    coachToken: (organisation, coach, label = `${coach}'s laptop`) => issue(organisation, coach, label),
    managerToken: (organisation, label = 'Pat Lee') => issue(organisation, undefined, label),
    async close() {
      await app.close();
      await db.close();
      await storage.dispose();
    },
  };
}

/** A JSON request to the hub with a bearer token; answers the status and the parsed body. */
export async function call<T = unknown>(
  hub: Pick<TestHub, 'url'>,
  token: string | null,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${hub.url}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (the CSV export): the text as it came.
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
