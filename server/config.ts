// The hub's settings, from the environment, checked once at start.
import { resolve } from 'node:path';
import { z } from 'zod';

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
});

export type DatabaseTarget = { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };

export type HubLimits = {
  bodyLimitBytes: number;
  /** Requests per token (or per address, without a token) per minute. */
  rateLimitPerMinute: number;
};

export type HubConfig = { host: string; port: number; database: DatabaseTarget; limits: HubLimits };

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
  };
}

/** Where the database is, for people: never the password of a DATABASE_URL. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'pglite') return `embedded database in ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
