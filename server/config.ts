// The hub's settings, from the environment, checked once at start.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** An address, a network (address/prefix), or a name proxy-addr knows for a range of them. */
function isProxyAddress(entry: string): boolean {
  const [address, prefix, extra] = entry.trim().split('/');
  if (extra !== undefined) return false;
  if (prefix === undefined && ['loopback', 'linklocal', 'uniquelocal'].includes(address)) return true;
  const family = isIP(address);
  const widest = family === 4 ? 32 : 128;
  return family !== 0 && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= widest));
}

const envSchema = z.object({
  HUB_HOST: z.string().min(1).default('127.0.0.1'),
  HUB_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** A PostgreSQL server, e.g. postgres://hub:secret@db.internal:5432/followthrough. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Where the embedded database keeps its files when there is no DATABASE_URL. */
  HUB_DATA_DIR: z.string().min(1).default('.hub-data'),
  HUB_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(2 * 1024 * 1024),
  HUB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * The reverse proxy in front of the hub, whose X-Forwarded-For then gives the client's address:
   * its addresses or networks, comma-separated, or "true" for any sender.
   */
  HUB_TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .refine(
      (value) => ['', 'false', 'true'].includes(value) || value.split(',').every(isProxyAddress),
      'HUB_TRUST_PROXY must be the addresses or networks of the proxy (comma-separated: 10.0.0.5, 10.0.0.0/8, loopback), true or false',
    )
    .default(''),
});

/** What Fastify's trustProxy takes: whether, or which addresses, to believe. */
export type TrustProxy = boolean | string;

const trustProxyOf = (setting: string): TrustProxy =>
  setting === '' || setting === 'false' ? false : setting === 'true' ? true : setting;

export type DatabaseTarget = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

export type HubLimits = {
  bodyLimitBytes: number;
  /** Requests per accepted token (or per address, without one) per minute. */
  rateLimitPerMinute: number;
};

export type HubConfig = {
  host: string;
  port: number;
  database: DatabaseTarget;
  limits: HubLimits;
  trustProxy: TrustProxy;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The hub's settings are not usable:\n  ${lines.join('\n  ')}`);
  }
  const value = parsed.data;
  return {
    host: value.HUB_HOST,
    port: value.HUB_PORT,
    database: value.DATABASE_URL
      ? { engine: 'postgres', url: value.DATABASE_URL }
      : { engine: 'pglite', dataDir: resolve(value.HUB_DATA_DIR) },
    limits: { bodyLimitBytes: value.HUB_BODY_LIMIT_BYTES, rateLimitPerMinute: value.HUB_RATE_LIMIT_PER_MINUTE },
    trustProxy: trustProxyOf(value.HUB_TRUST_PROXY),
  };
}

/** Where the database is, for people: never the password of a DATABASE_URL. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'pglite') return `embedded database in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
