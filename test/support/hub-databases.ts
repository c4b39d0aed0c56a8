// Empty, migrated hub databases for tests and benchmarks: PGlite in a temp folder by default, or,
// when DATABASE_URL is set (scripts/with-postgres.sh), a fresh database on that PostgreSQL server.
// Creating a PGlite folder takes seconds (initdb in WebAssembly), so a migrated template folder is
// kept in the temp directory, named by the PGlite version and the migrations it holds, and copied.
import { cp, mkdtemp, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { connectPgClient, type PgClient } from '../../server/db/pg-connections';
import type { DatabaseTarget } from '../../server/config';
import { openPglite } from '../../server/db/pglite';
import { migrate, migrationsDir } from '../../server/db/migrate';

export type FreshDatabase = { target: DatabaseTarget; dispose: () => Promise<void> };

let template: Promise<string> | null = null;

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')));
  for (const name of (await readdir(migrationsDir)).sort())
    hash.update(name).update(await readFile(join(migrationsDir, name)));
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(): Promise<string> {
  const target = join(tmpdir(), `followthrough-hub-template-${await templateKey()}`);
  if (await stat(target).catch(() => null)) return target;
  const building = await mkdtemp(join(tmpdir(), 'followthrough-hub-building-'));
  const db = await openPglite(building);
  await migrate(db);
  await db.close();
  // Another test process may have finished first; either copy is as good.
  await rename(building, target).catch(() => rm(building, { recursive: true, force: true }));
  return target;
}

async function freshPglite(): Promise<FreshDatabase> {
  template ??= buildTemplate();
  const dir = await mkdtemp(join(tmpdir(), 'followthrough-hub-'));
  await cp(await template, dir, { recursive: true });
  return { target: { engine: 'pglite', dataDir: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function withAdmin(adminUrl: string, work: (admin: PgClient) => Promise<unknown>): Promise<void> {
  const admin = await connectPgClient(adminUrl);
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

async function freshPostgres(adminUrl: string): Promise<FreshDatabase> {
  const name = `ft_hub_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { engine: 'postgres', url: url.toString() },
    dispose: () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Which engine DATABASE_URL selects, for test and case names. */
export const engineUnderTest = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** An empty database of the engine under test (migrated when opened), and how to throw it away. */
export function freshDatabase(
  engine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite',
): Promise<FreshDatabase> {
  if (engine === 'pglite') return freshPglite();
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL (scripts/with-postgres.sh does) to use PostgreSQL');
  return freshPostgres(process.env.DATABASE_URL);
}
