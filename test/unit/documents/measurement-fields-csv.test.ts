import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measurementFieldsCsv } from '../../../renderer/documents/measurement-fields-csv';
import { parseCsv } from '../../../shared/csv';

const bundledCsv = readFileSync(
  fileURLToPath(new URL('../../../templates/Measurement-Fields-Config.csv', import.meta.url)),
  'utf8',
);

describe('the measurement fields schema', () => {
  it('ships the KPI fields of the program guide with source, owner, cadence and pilot target', () => {
    const [header, ...rows] = parseCsv(bundledCsv);
    expect(header).toEqual([
      'field',
      'label',
      'tier',
      'definition',
      'source',
      'owner',
      'refresh_cadence',
      'pilot_target',
      'unit',
    ]);
    expect(rows.map((row) => row[0])).toEqual([
      'coaching_hours',
      'coaching_to_action_conversion',
      'commitment_follow_through',
      'mean_time_to_unblock',
      'one_to_one_quality_index',
      'high_performer_retention',
      'experiment_adoption_rate',
    ]);
    expect(rows.every((row) => row.every((cell) => cell.trim() !== ''))).toBe(true);
  });

  it('appends the current value and the date of each field', () => {
    const result = measurementFieldsCsv(bundledCsv, {
      values: { coaching_to_action_conversion: 0.64, mean_time_to_unblock: null },
      asOf: '2026-11-30',
    });
    if (!result.ok) throw new Error(result.error);
    const [header, ...rows] = parseCsv(result.value);
    expect(header.slice(-2)).toEqual(['current_value', 'as_of']);
    const byField = Object.fromEntries(rows.map((row) => [row[0], row.slice(-2)]));
    expect(byField.coaching_to_action_conversion).toEqual(['0.64', '2026-11-30']);
    expect(byField.mean_time_to_unblock).toEqual(['', '2026-11-30']);
  });

  it('says so when the schema has no field column', () => {
    expect(measurementFieldsCsv('name,tier\r\nx,y\r\n', { values: {}, asOf: '2026-11-30' })).toEqual({
      ok: false,
      error: 'The measurement fields file has no "field" column in its first row.',
    });
  });
});
