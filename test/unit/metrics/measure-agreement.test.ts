// What the Metrics page says of a measure and what the measurement CSV says of it agree: the same
// target, the same rounding, for every measure; and each compares like with like (rates, not a
// two-week total against a ninety-day one).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics } from '../../../shared/metrics/metrics-report';
import { measureCatalogue, measureKeys } from '../../../shared/metrics/catalogue';
import { formatValue } from '../../../shared/metrics/format';
import { rate } from '../../../shared/metrics/targets';
import { toMetricSession, type MetricRecords } from '../../../shared/metrics/metric-records';
import { parseCsv } from '../../../shared/csv';
import { measurementFieldOf, measurementFieldsExport } from '../../../renderer/metrics/measurement-fields';
import { NOW, RANGE, records, TIME_ZONE } from './fixture';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const schema = readFileSync(
  fileURLToPath(new URL('../../../templates/Measurement-Fields-Config.csv', import.meta.url)),
  'utf8',
);

const report = (
  from: MetricRecords = records,
  scope: Parameters<typeof computeMetrics>[1]['scope'] = { kind: 'everyone' },
  range = RANGE,
) => computeMetrics(from, { scope, range, baseline: { kind: 'first-two-weeks' }, timeZone: TIME_ZONE, now: NOW });

describe('coaching hours', () => {
  it('compares the same rate in the period and its baseline: hours per leader per month', () => {
    // One leader, one hour every Monday for 13 weeks: a steady 4.3 hours a month throughout.
    const participant = { id: 'p1', name: 'Amara', team: 'Ops', cohort: '2026-A' };
    const mondays = Array.from({ length: 13 }, (_, week) =>
      new Date(Date.UTC(2026, 0, 5 + week * 7)).toISOString().slice(0, 10),
    );
    const steady: MetricRecords = {
      participants: [participant],
      actions: [],
      contracts: [],
      reviews: [],
      sessions: mondays.map((date, index) =>
        toMetricSession({
          id: `s${index}`,
          participantId: 'p1',
          date,
          startTime: '09:00',
          durationMinutes: 60,
          pulse: { preparation: null, clarity: null, documentedAction: null },
        }),
      ),
    };
    const result = report(steady, { kind: 'everyone' }, { from: mondays[0], to: '2026-04-05' });
    const hours = result.measures.find((measure) => measure.key === 'coachingHours')!;
    expect(hours.value).toBeCloseTo(hours.baseline!, 0);
    expect(formatValue(measureCatalogue.coachingHours.unit, hours.value)).toBe('4.3 h / leader / month');
  });
});

describe('the measurement fields CSV', () => {
  const result = report();
  const exported = measurementFieldsExport(result, schema, '2026-04-05');
  if (!exported.ok) throw new Error(exported.error);
  const [header, ...rows] = parseCsv(exported.value.csv);
  const column = (name: string) => header.indexOf(name);
  const rowOf = (field: string) => rows.find((row) => row[column('field')] === field)!;

  it('holds every pilot measure of the page', () => {
    const pilot = measureKeys.filter((key) => measureCatalogue[key].group === 'pilot');
    for (const key of pilot) expect(rowOf(measurementFieldOf[key]!), key).toBeDefined();
  });

  it('gives each measure the target the page gives it', () => {
    for (const [key, field] of Object.entries(measurementFieldOf)) {
      expect(rowOf(field!)[column('pilot_target')], key).toBe(
        measureCatalogue[key as keyof typeof measureCatalogue].targetText,
      );
    }
  });

  it('writes each value rounded as the page shows it, whatever the value', () => {
    const keys = Object.keys(measurementFieldOf) as (keyof typeof measurementFieldOf)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.double({ min: 0, max: 1_000, noNaN: true }), (key, value) => {
        const measures = result.measures.map((measure) => (measure.key === key ? { ...measure, value } : measure));
        const csv = measurementFieldsExport({ ...result, measures }, schema, '2026-04-05');
        if (!csv.ok) throw new Error(csv.error);
        const [head, ...lines] = parseCsv(csv.value.csv);
        const written = lines.find((line) => line[head.indexOf('field')] === measurementFieldOf[key])![
          head.indexOf('current_value')
        ];
        const { unit } = measureCatalogue[key];
        expect(formatValue(unit, Number(written))).toBe(formatValue(unit, value));
        expect(written).toBe(String(Number(written)));
        expect(written).toMatch(/^\d+(\.\d{1,4})?$/);
      }),
    );
  });

  it('is named after its scope and period', () => {
    expect(exported.value.fileName).toBe('Measurement fields - Everyone - 2026-03-02 to 2026-03-29.csv');
    const cohort = measurementFieldsExport(report(records, { kind: 'cohort', cohort: '2026-B' }), schema, '2026-04-05');
    expect(cohort.ok && cohort.value.fileName).toBe(
      'Measurement fields - Cohort 2026-B - 2026-03-02 to 2026-03-29.csv',
    );
  });
});

describe('commitment follow-through without a baseline', () => {
  it('is judged against the target, not left neutral', () => {
    const { target } = measureCatalogue.followThrough;
    expect(rate(target, 0.1, null)).toBe('off-target');
    expect(rate(target, 0.95, null)).toBe('on-target');
    // With a baseline, the relative target decides as before.
    expect(rate(target, 0.1, 0.05)).toBe('on-target');
  });
});
