// Every PostgreSQL pool and client is made by server/db/pg-connections.ts, which gives each one an
// 'error' listener: one made anywhere else would end the hub the first time the server drops it.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPgPool } from '../../../server/db/pg-connections';

const root = resolve(import.meta.dirname, '../../..');
const factory = 'server/db/pg-connections.ts';
/** This file, whose planted lines below show the check would see an import. */
const self = relative(root, import.meta.filename);
const sourceFolders = ['server', 'shared', 'renderer', 'electron', 'scripts', 'bench', 'test'];

/** An import of the pg driver (or its pool) in any form: static, dynamic or require. */
const importsPg = (source: string) => /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]pg(?:-pool)?['"]/.test(source);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(c|m)?[jt]sx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

describe('PostgreSQL connections', () => {
  it('are made only by the factory that listens for their errors', async () => {
    const files = (await Promise.all(sourceFolders.map(sourceFiles))).flat().filter((file) => file !== self);
    const importing = [];
    for (const file of files) if (importsPg(await readFile(join(root, file), 'utf8'))) importing.push(file);
    expect(importing).toEqual([factory]);
  });

  it.each([
    "import pg from 'pg';",
    'import { Pool } from "pg";',
    "const pg = await import('pg');",
    "const { Client } = require('pg');",
    "import Pool from 'pg-pool';",
  ])('the check sees %s', (line) => {
    expect(importsPg(line)).toBe(true);
  });

  it('gives each pool a listener for a dropped connection', async () => {
    const pool = createPgPool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    expect(pool.listenerCount('error')).toBeGreaterThan(0);
    await pool.end();
  });
});
