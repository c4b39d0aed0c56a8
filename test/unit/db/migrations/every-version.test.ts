// A new schema version comes with its own migration test file here, named after it.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../../renderer/db/database';

describe('the migration tests', () => {
  it('have one file per schema version after the first', () => {
    const files = readdirSync(import.meta.dirname).filter((file) => /^v\d+\.test\.ts$/.test(file));
    const expected = Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, index) => `v${index + 2}.test.ts`);
    expect(files.sort((a, b) => parseInt(a.slice(1)) - parseInt(b.slice(1)))).toEqual(expected);
  });
});
