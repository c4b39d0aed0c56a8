// One way to test a schema version, as Signal tests its SQL migrations: build the database a
// release before `version` left behind (that release's schema, realistic rows written by `fill`),
// then open it with today's code, which runs every upgrade from there, and assert field by field.
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { FollowthroughDatabase, schemaV1, schemaV2, schemaV3 } from '../../../../renderer/db/database';
import { metricFactGroupStores, metricFactStoresV8, reviewFactGroupStores } from '../../../../renderer/db/metric-facts';

type Stores = Record<string, string | null>;

/** Each version's whole schema as it was declared, so a test can create a database at it. */
const schemas: Record<number, Stores> = { 1: schemaV1, 2: schemaV2, 3: schemaV3 };
schemas[4] = { ...schemas[3], syncRuns: '++id, startedAt' };
schemas[5] = schemas[4];
schemas[6] = { ...schemas[5], consentLog: '++id, participantId, at' };
schemas[7] = { ...schemas[6], actionNotes: 'id, actionId' };
schemas[8] = { ...schemas[7], ...metricFactStoresV8 };
schemas[9] = { ...schemas[8], ...metricFactGroupStores };
schemas[10] = { ...schemas[9], actionReviews: 'id, actionId, sessionId, participantId' };
schemas[11] = { ...schemas[10], ...reviewFactGroupStores, actions: `${schemaV1.actions}, [participantId+status]` };

const opened: FollowthroughDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** A database filled by `fill` at the version before `version`, opened (and so upgraded) by today's code. */
export async function openAt(version: number, fill: (old: Dexie) => Promise<unknown>): Promise<FollowthroughDatabase> {
  const before = schemas[version - 1];
  if (!before) throw new Error(`no schema is known for version ${version - 1}`);
  const name = `migration-v${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(version - 1).stores(before);
  await old.open();
  await old.transaction('rw', old.tables, () => fill(old));
  old.close();
  const db = new FollowthroughDatabase(name);
  opened.push(db);
  await db.open();
  return db;
}

/** The names of a table's secondary indexes, sorted. */
export const indexNames = (table: { schema: { indexes: { name: string }[] } }) =>
  table.schema.indexes.map((index) => index.name).sort();
