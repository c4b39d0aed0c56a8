// The embedded default: PostgreSQL compiled to WebAssembly, keeping its data in a folder.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { INT8_OID, executorOf, type SqlDatabase } from './sql';

const executor = (client: PGlite | Transaction) =>
  executorOf(
    (text, params) => client.query(text, params),
    (text) => client.exec(text),
  );

export async function openPglite(dataDir: string): Promise<SqlDatabase> {
  const db = await PGlite.create({ dataDir, parsers: { [INT8_OID]: Number } });
  return {
    engine: 'pglite',
    ...executor(db),
    transaction: (work) => db.transaction((tx) => work(executor(tx))),
    close: () => db.close(),
  };
}
