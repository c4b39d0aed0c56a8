// Opens the configured database and brings its schema up to date.
import type { DatabaseTarget } from '../config';
import { migrate } from './migrate';
import type { SqlDatabase } from './sql';

export async function openDatabase(target: DatabaseTarget): Promise<SqlDatabase> {
  const db =
    target.engine === 'pglite'
      ? await (await import('./pglite')).openPglite(target.dataDir)
      : await (await import('./postgres')).openPostgres(target.url);
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
