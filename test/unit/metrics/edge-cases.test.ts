// No data, odd data and time-zone-sensitive weeks: every measure is a number or null, never NaN,
// and never a crash.
import { describe, expect, it } from 'vitest';
import { computeMetrics, type MetricsRequest } from '../../../shared/metrics/metrics-report';
import { emptyRecords, toMetricAction, type MetricRecords } from '../../../shared/metrics/metric-records';
import { records as fixtureRecords } from './fixture';

const request = (overrides: Partial<MetricsRequest> = {}): MetricsRequest => ({
  scope: { kind: 'everyone' },
  range: { from: '2026-01-05', to: '2026-03-29' },
  baseline: { kind: 'first-two-weeks' },
  timeZone: 'Europe/London',
  now: Date.parse('2026-04-05T12:00:00Z'),
  ...overrides,
});

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNaN);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

const participant = { id: 'p1', name: 'Amara', team: 'Ops', cohort: 'A' };

describe('edge cases', () => {
  it('shows every measure as no data when there is nothing at all', () => {
    const report = computeMetrics(emptyRecords, request());
    expect(hasNaN(report)).toBe(false);
    expect(report.baselineRange).toBeNull();
    expect(report.measures.map((measure) => [measure.key, measure.value, measure.rating])).toEqual([
      ['conversion', null, 'no-data'],
      ['followThrough', null, 'no-data'],
      ['timeToUnblock', null, 'no-data'],
      ['qualityIndex', null, 'no-data'],
      ['experimentAdoption', null, 'no-data'],
      ['coachingHours', null, 'no-target'],
      ['actionWithin24h', null, 'no-target'],
      ['followUpRate', null, 'no-target'],
      ['pulseShare', null, 'no-target'],
    ]);
    expect(report.measures.every((measure) => measure.baselineDetail === 'No baseline period')).toBe(true);
    expect(report.weeks).toHaveLength(12);
    expect(report.weeks.every((week) => week.conversionToDate === null && week.coachingHours === 0)).toBe(true);
  });

  it('rates follow-through against its bar until there is a baseline, time to unblock as "no baseline yet"', () => {
    const report = computeMetrics(
      fixtureRecords,
      request({ baseline: { kind: 'period', range: { from: '2025-01-01', to: '2025-01-14' } } }),
    );
    const summary = (key: string) => {
      const measure = report.measures.find((each) => each.key === key)!;
      return [measure.baseline, measure.goal, measure.rating];
    };
    expect(summary('followThrough')).toEqual([null, 0.8, 'off-target']);
    expect(summary('timeToUnblock')).toEqual([null, null, 'no-baseline']);
  });

  it('keeps a block that never ended out of the mean but counts it', () => {
    const records: MetricRecords = {
      ...emptyRecords,
      participants: [participant],
      actions: [
        toMetricAction({
          id: 'a1',
          participantId: 'p1',
          sessionId: null,
          createdAt: Date.parse('2026-03-02T09:00:00Z'),
          isExperiment: false,
          history: [
            { status: 'open', at: Date.parse('2026-03-02T09:00:00Z'), source: 'coach' },
            { status: 'blocked', at: Date.parse('2026-03-03T09:00:00Z'), source: 'coach', reason: 'Waiting on budget' },
          ],
        }),
      ],
    };
    const report = computeMetrics(records, request());
    const unblock = report.measures.find((measure) => measure.key === 'timeToUnblock')!;
    expect(unblock.value).toBeNull();
    expect(unblock.rating).toBe('no-data');
    // Blocked from 3 Mar 09:00 UTC until the period ends at 29 Mar 23:00 UTC (midnight BST): 26.58 days.
    expect(unblock.detail).toBe('0 blocks resolved · 1 still blocked (longest 26.6 days)');
    expect(report.weeks.find((week) => week.weekStart === '2026-03-02')!.blocksRaised).toBe(1);
    expect(hasNaN(report)).toBe(false);
  });

  it('accepts a range given back to front', () => {
    const report = computeMetrics(fixtureRecords, request({ range: { from: '2026-03-29', to: '2026-03-02' } }));
    expect(report.range).toEqual({ from: '2026-03-02', to: '2026-03-29' });
  });

  it('reads a one-day range and a range with no Monday in it', () => {
    const report = computeMetrics(fixtureRecords, request({ range: { from: '2026-03-28', to: '2026-03-29' } }));
    expect(report.weeks.map((week) => week.weekStart)).toEqual(['2026-03-23']);
    expect(hasNaN(report)).toBe(false);
  });
});

describe('weekly buckets follow the coach time zone', () => {
  // One action each side of midnight on the Sunday night of each 2026 clock change.
  const created = [
    '2026-03-09T03:30:00Z', // Sun 8 Mar 23:30 EDT (New York) · Mon 9 Mar 03:30 GMT (London)
    '2026-03-29T23:30:00Z', // Sun 29 Mar 19:30 EDT · Mon 30 Mar 00:30 BST
    '2026-10-25T23:30:00Z', // Sun 25 Oct 19:30 EDT · Sun 25 Oct 23:30 GMT
    '2026-11-02T04:30:00Z', // Sun 1 Nov 23:30 EST · Mon 2 Nov 04:30 GMT
  ];
  const records: MetricRecords = {
    ...emptyRecords,
    participants: [participant],
    actions: created.map((iso, index) =>
      toMetricAction({
        id: `a${index}`,
        participantId: 'p1',
        sessionId: null,
        createdAt: Date.parse(iso),
        isExperiment: false,
        history: [{ status: 'open', at: Date.parse(iso), source: 'coach' }],
      }),
    ),
  };
  const loggedByWeek = (timeZone: string) =>
    computeMetrics(
      records,
      request({ timeZone, range: { from: '2026-03-02', to: '2026-11-08' }, now: Date.parse('2026-12-01T00:00:00Z') }),
    )
      .weeks.filter((week) => week.actionsLogged > 0)
      .map((week) => [week.weekStart, week.actionsLogged]);

  it('files them under New York weeks', () => {
    expect(loggedByWeek('America/New_York')).toEqual([
      ['2026-03-02', 1],
      ['2026-03-23', 1],
      ['2026-10-19', 1],
      ['2026-10-26', 1],
    ]);
  });

  it('files them under London weeks', () => {
    expect(loggedByWeek('Europe/London')).toEqual([
      ['2026-03-09', 1],
      ['2026-03-30', 1],
      ['2026-10-19', 1],
      ['2026-11-02', 1],
    ]);
  });

  it('gives a different answer in UTC for the fixture, which is why the zone is an input', () => {
    // In UTC a8 (23:15 UTC on 29 Mar) is logged in the period and a7 (done 23:30 UTC) is done in
    // it: 5 of 8, where London says 4 of 7.
    const utc = computeMetrics(
      fixtureRecords,
      request({ range: { from: '2026-03-02', to: '2026-03-29' }, timeZone: 'UTC' }),
    );
    expect(utc.measures[0].value).toBeCloseTo(5 / 8, 10);
  });
});
