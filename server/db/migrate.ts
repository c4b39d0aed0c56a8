// Applies server/migrations/*.sql in name order, each once and in its own transaction, and
// records what ran in hub_migrations. The same files run on PGlite and PostgreSQL. Each step holds
// a transaction-scoped advisory lock, so hubs starting together against one PostgreSQL server
// take turns instead of racing to apply the same file.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SqlDatabase, SqlExecutor } from './sql';

export const migrationsDir = resolve(import.meta.dirname, '..', 'migrations');

/** Any fixed number: the advisory lock every hub takes while it migrates. */
const MIGRATION_LOCK = 7_151_997;

async function lockAndCheck(tx: SqlExecutor, name: string): Promise<boolean> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await tx.exec('CREATE TABLE IF NOT EXISTS hub_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
  const rows = await tx.query('SELECT 1 FROM hub_migrations WHERE name = $1', [name]);
  return rows.length > 0;
}

export async function migrate(db: SqlDatabase, dir = migrationsDir, now = Date.now): Promise<string[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const name of files) {
    const sql = await readFile(join(dir, name), 'utf8');
    const ran = await db.transaction(async (tx) => {
      if (await lockAndCheck(tx, name)) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO hub_migrations (name, applied_at) VALUES ($1, $2)', [name, now()]);
      return true;
    });
    if (ran) applied.push(name);
  }
  return applied;
}
