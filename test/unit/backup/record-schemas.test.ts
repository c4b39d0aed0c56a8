// A restore validates every record with its table's schema, so every table needs one: a table
// added to the database without a schema here would make every backup unrestorable.
import { describe, expect, it } from 'vitest';
import { FollowthroughDatabase } from '../../../renderer/db/database';
import { recordSchemas } from '../../../renderer/backup/record-schemas';

describe('record schemas for restore', () => {
  it('name a schema for exactly the tables of the database', () => {
    const db = new FollowthroughDatabase(`schemas-${crypto.randomUUID()}`);
    expect(Object.keys(recordSchemas).sort()).toEqual(db.tables.map((table) => table.name).sort());
  });
});
