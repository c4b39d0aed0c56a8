// Every connection to a PostgreSQL server, the hub's and its tests' and benchmarks', is made here.
// pg emits 'error' on a pool or client whose connection the server ends (a restart, a failover, an
// idle timeout, pg_terminate_backend), and an 'error' event nobody listens to ends the process. So
// each pool and client made here listens: the loss is logged, the query in flight fails (the hub
// answers 500, /health 503) and the pool opens a new connection for the next query.
import pg from 'pg';
import { createLogger } from '../../shared/logger';
import { errorMessage } from '../../shared/result';

const log = createLogger('hub');

const reportLoss = (error: Error) => log.warn(`A PostgreSQL connection ended: ${errorMessage(error)}`);
// A pooled client's loss is reported by the pool ('error' while idle) or by the query that fails.
const ignoreLoss = () => undefined;

export function createPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', reportLoss);
  // A client checked out of the pool (for a transaction) has no listener of the pool's own.
  pool.on('connect', (client) => client.on('error', ignoreLoss));
  return pool;
}

/** A single connected client, for administration (creating and dropping test databases). */
export async function connectPgClient(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  client.on('error', reportLoss);
  await client.connect();
  return client;
}

export const pgTypes = pg.types;
export type { Client as PgClient, PoolClient as PgPoolClient, Pool as PgPool } from 'pg';
