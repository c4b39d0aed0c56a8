// A restore validates every record with its table's schema, so every table needs one: a table
// added to the database without a schema here would make every backup unrestorable.
import { describe, expect, it } from 'vitest';
import { FollowthroughDatabase } from '../../../renderer/db/database';
import { recordSchemas } from '../../../renderer/backup/record-schemas';
import { recordTables } from '../../../renderer/db/metric-facts';

describe('record schemas for restore', () => {
  it('name a schema for exactly the record tables of the database (the derived fact tables are rebuilt)', () => {
    const db = new FollowthroughDatabase(`schemas-${crypto.randomUUID()}`);
    expect(Object.keys(recordSchemas).sort()).toEqual(
      recordTables(db)
        .map((table) => table.name)
        .sort(),
    );
  });
});
