// A PostgreSQL server through DATABASE_URL: how the hub grows past one machine.
import { createPgPool, pgTypes, type PgPool, type PgPoolClient } from './pg-connections';
import { INT8_OID, executorOf, type SqlDatabase } from './sql';

const executor = (client: PgPool | PgPoolClient) =>
  executorOf(
    (text, params) => client.query(text, params),
    (text) => client.query(text),
  );

const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? Number : pgTypes.getTypeParser(oid, format)) as typeof pgTypes.getTypeParser,
};

export async function openPostgres(connectionString: string): Promise<SqlDatabase> {
  // A server that does not answer (a failover under way) fails a request after 5 s instead of
  // holding it and /health until the client gives up.
  const pool = createPgPool({ connectionString, types: typeParsers, max: 10, connectionTimeoutMillis: 5_000 });
  // Fails here, at start, when the server cannot be reached or refuses the credentials.
  await pool.query('SELECT 1');
  return {
    engine: 'postgres',
    ...executor(pool),
    async transaction(work) {
      const client = await pool.connect();
      // A connection that cannot even roll back is broken: the pool closes it instead of lending it again.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
