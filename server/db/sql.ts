// The one database interface the hub uses, so the same SQL runs on the embedded PGlite and on a
// PostgreSQL server. Both drivers are set up to return int8 as a JavaScript number (every bigint
// the hub stores is a millisecond time or a counter, far below 2^53) and jsonb as parsed values.
type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  query<T extends SqlRow = SqlRow>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters, e.g. a migration file. */
  exec(text: string): Promise<void>;
}

type SqlEngine = 'pglite' | 'postgres';

export interface SqlDatabase extends SqlExecutor {
  readonly engine: SqlEngine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const INT8_OID = 20;

/** An executor over a driver's query function (both drivers answer `{ rows }`) and its multi-statement run. */
export function executorOf(
  query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>,
  exec: (text: string) => Promise<unknown>,
): SqlExecutor {
  return {
    query: async <T extends SqlRow>(text: string, params: unknown[] = []) => (await query(text, params)).rows as T[],
    exec: async (text: string) => {
      await exec(text);
    },
  };
}
