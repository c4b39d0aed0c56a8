// A PostgreSQL server through DATABASE_URL: how the hub grows past one machine.
import pg from 'pg';
import { INT8_OID, executorOf, type SqlDatabase } from './sql';

const executor = (client: pg.Pool | pg.PoolClient) =>
  executorOf(
    (text, params) => client.query(text, params),
    (text) => client.query(text),
  );

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openPostgres(connectionString: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString, types: typeParsers, max: 10 });
  // Fails here, at start, when the server cannot be reached or refuses the credentials.
  await pool.query('SELECT 1');
  return {
    engine: 'postgres',
    ...executor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
