// The migrations run once per database, even when several hubs start against it together.
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate';
import { openDatabase } from '../../../server/db/open';
import { engineUnderTest, freshDatabase, type FreshDatabase } from './hub-fixture';

let fresh: FreshDatabase | null = null;
afterEach(() => fresh?.dispose());

describe(`migrations on ${engineUnderTest}`, () => {
  it('apply each file once, however many hubs migrate at the same time', { timeout: 60_000 }, async () => {
    fresh = await freshDatabase();
    const hubs = await Promise.all([
      openDatabase(fresh.target),
      ...(engineUnderTest === 'PostgreSQL' ? [openDatabase(fresh.target)] : []),
    ]);
    try {
      const again = await Promise.all(hubs.map((db) => migrate(db)));
      expect(again.flat()).toEqual([]);
      const rows = await hubs[0].query<{ name: string }>('SELECT name FROM hub_migrations ORDER BY name');
      expect(rows.map((row) => row.name)).toEqual(['001_initial.sql']);
    } finally {
      await Promise.all(hubs.map((db) => db.close()));
    }
  });
});
