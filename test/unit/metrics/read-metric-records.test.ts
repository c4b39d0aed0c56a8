// The Metrics page's database read: only the sessions of the period and the baseline, only the
// fields the measures use, and yet the same report as computing over every record in memory.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { readAllTimeMetricRecords, readMetricRecords } from '../../../renderer/metrics/read-metric-records';
import { DEFAULT_NOW, generateDataset } from '../../../shared/demo-dataset';
import { fillEmptyDatabase } from '../../../renderer/demo/load-demo-data';
import { computeMetrics, type BaselineChoice } from '../../../shared/metrics/metrics-report';
import { emptyRecords, toMetricRecords, type MetricRecords } from '../../../shared/metrics/metric-records';
import type { MetricScope } from '../../../shared/metrics/scope';

const NOW = Date.parse('2026-11-02T12:00:00Z');
const dataset = generateDataset({ size: 'small', now: NOW });
const range = { from: '2026-08-01', to: '2026-11-01' };

let db: FollowthroughDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function filled(): Promise<FollowthroughDatabase> {
  db = openTestDatabase().db;
  await fillEmptyDatabase(db, dataset);
  return db;
}

const withCohort = dataset.participants.find((participant) => participant.cohort.trim() !== '')!;
const scopes: MetricScope[] = [
  { kind: 'everyone' },
  { kind: 'cohort', cohort: withCohort.cohort },
  { kind: 'participant', participantId: dataset.participants[1].id },
];
const baselines: BaselineChoice[] = [
  { kind: 'first-two-weeks' },
  { kind: 'period', range: { from: '2026-01-05', to: '2026-02-01' } },
];

describe('reading the records the measures need', () => {
  it.each(scopes)('gives the same report as all records in memory for $kind', async (scope) => {
    const database = await filled();
    for (const baseline of baselines) {
      const request = { scope, range, baseline, timeZone: 'Europe/London', now: NOW };
      const read = await readMetricRecords(database, scope, range, baseline);
      expect(computeMetrics(read, request)).toEqual(computeMetrics(toMetricRecords(dataset), request));
    }
  });

  it.each(scopes)('reads All time for $kind from the first session of anyone, in one read', async (scope) => {
    const database = await filled();
    const firstOfAnyone = dataset.sessions.map((session) => session.date).sort()[0];
    const allTime = { until: '2026-11-02', fromWhenEmpty: '2026-08-05' };
    const { records, range: allDates } = await readAllTimeMetricRecords(database, scope, allTime, baselines[0]);
    expect(allDates).toEqual({ from: firstOfAnyone, to: '2026-11-02' });
    expect(records).toEqual(await readMetricRecords(database, scope, allDates, baselines[0]));
  });

  it('reads All time from the fallback date when there is no session yet', async () => {
    db = openTestDatabase().db;
    await db.participants.bulkPut(dataset.participants);
    const allTime = { until: '2026-11-02', fromWhenEmpty: '2026-08-05' };
    const { range: allDates } = await readAllTimeMetricRecords(db, { kind: 'everyone' }, allTime, baselines[0]);
    expect(allDates).toEqual({ from: '2026-08-05', to: '2026-11-02' });
  });

  it('reads only the sessions of the period and the baseline, as flat rows without their notes', async () => {
    const database = await filled();
    const baseline: BaselineChoice = { kind: 'period', range: { from: '2026-01-05', to: '2026-02-01' } };
    const read = await readMetricRecords(database, { kind: 'everyone' }, range, baseline);
    const inDates = dataset.sessions.filter(
      (session) =>
        (session.date >= range.from && session.date <= range.to) ||
        (session.date >= '2026-01-05' && session.date <= '2026-02-01'),
    );
    expect(read.sessions.length).toBe(inDates.length);
    expect(read.sessions.length).toBeLessThan(dataset.sessions.length);
    expect(Object.keys(read.sessions[0]).sort()).toEqual(
      [
        'clarity',
        'date',
        'documentedAction',
        'durationMinutes',
        'id',
        'participantId',
        'preparation',
        'startTime',
      ].sort(),
    );
    expect(read.actions[0]).not.toHaveProperty('text');
    expect(read.actions[0]).not.toHaveProperty('history');
  });

  it('leaves out records in the trash', async () => {
    const database = await filled();
    const [session] = await database.sessions.where('date').between(range.from, range.to, true, true).toArray();
    await database.sessions.update(session.id, { deletedAt: NOW });
    const read = await readMetricRecords(database, { kind: 'everyone' }, range, { kind: 'first-two-weeks' });
    expect(read.sessions.some((candidate) => candidate.id === session.id)).toBe(false);
  });

  it('reads from the fact groups what projecting the full tables gives, on five years of the large dataset', async () => {
    const large = generateDataset({ size: 'large' });
    db = openTestDatabase().db;
    const database = db;
    const tables = [db.participants, db.sessions, db.actions, db.actionReviews, db.contracts];
    await database.transaction('rw', tables, async () => {
      await database.participants.bulkPut(large.participants);
      await database.sessions.bulkPut(large.sessions);
      await database.actions.bulkPut(large.actions);
      await database.actionReviews.bulkPut(large.actionReviews);
      await database.contracts.bulkPut(large.contracts);
    });
    const dates = large.sessions.map((session) => session.date).sort();
    const everything = { from: dates[0], to: dates[dates.length - 1] };
    const baseline: BaselineChoice = { kind: 'first-two-weeks' };
    const read = await readMetricRecords(database, { kind: 'everyone' }, everything, baseline);

    // What the page read before the fact tables: the full tables' live records, projected.
    const live = <T extends { deletedAt?: number }>(records: T[]) => records.filter((r) => r.deletedAt === undefined);
    const full = toMetricRecords({
      participants: await database.participants.toArray(),
      sessions: live(await database.sessions.toArray()),
      actions: live(await database.actions.toArray()),
      contracts: live(await database.contracts.toArray()),
      actionReviews: await database.actionReviews.toArray(),
    });
    const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(read.actions)).toStrictEqual(byId(full.actions));
    expect(byId(read.sessions)).toStrictEqual(byId(full.sessions));
    const byKey = (reviews: MetricRecords['reviews']) =>
      reviews.map((review) => `${review.sessionId}:${review.actionId}`).sort();
    expect(full.reviews.length).toBeGreaterThan(1000);
    expect(byKey(read.reviews)).toEqual(byKey(full.reviews));
    expect(read.participants).toStrictEqual(full.participants);
    expect(read.contracts).toStrictEqual(full.contracts);
    const request = {
      scope: { kind: 'everyone' } as const,
      range: everything,
      baseline,
      timeZone: 'Europe/London',
      now: DEFAULT_NOW,
    };
    expect(computeMetrics(read, request)).toEqual(computeMetrics(full, request));
  }, 30_000);

  it('reads an empty database', async () => {
    const database = openTestDatabase().db;
    db = database;
    const read = await readMetricRecords(database, { kind: 'everyone' }, range, { kind: 'first-two-weeks' });
    expect(read).toEqual(emptyRecords);
  });
});
