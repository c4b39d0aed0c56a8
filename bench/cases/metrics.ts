// Every measure of the Metrics page, for everyone over five years of the large generated dataset
// (40 participants, 3,000 sessions, 12,000 actions, 60 contracts): read what the measures need
// from IndexedDB and compute them, against one pass that only reads the same records (the metric
// fact groups of actions and sessions, one row per participant, plus participants and contracts).
// Also reported: the computation alone, and one pass over the four full tables, which the page read
// before the facts.
// Runs in Node on fake-indexeddb. Target: under 300 ms and at most 3× the read pass.
import 'fake-indexeddb/auto';
import { FollowthroughDatabase } from '../../renderer/db/database';
import { readMetricRecords } from '../../renderer/metrics/read-metric-records';
import { DEFAULT_NOW, generateDataset, type Dataset } from '../../shared/demo-dataset';
import { computeMetrics, type MetricsRequest } from '../../shared/metrics/metrics-report';
import { calendarDate, dayNumber } from '../../shared/metrics/calendar-days';
import type { MetricRecords } from '../../shared/metrics/metric-records';
import { measureSides, timed } from '../sampling';
import { median } from '../stats';
import type { BenchCase } from '../types';

const TIME_ZONE = 'Europe/London';
const today = calendarDate(dayNumber(new Date(DEFAULT_NOW).toISOString().slice(0, 10)));

let database: FollowthroughDatabase | null = null;

async function filledDatabase(dataset: Dataset): Promise<FollowthroughDatabase> {
  const db = new FollowthroughDatabase(`bench-metrics-${crypto.randomUUID()}`);
  await db.transaction('rw', [db.participants, db.sessions, db.actions, db.contracts], async () => {
    await db.participants.bulkPut(dataset.participants);
    await db.sessions.bulkPut(dataset.sessions);
    await db.actions.bulkPut(dataset.actions);
    await db.contracts.bulkPut(dataset.contracts);
  });
  return db;
}

/** The baseline: every record the measures read, and nothing done with them. */
const readFacts = (db: FollowthroughDatabase) =>
  db.transaction('r', [db.participants, db.sessionFactGroups, db.actionFactGroups, db.contracts], () =>
    Promise.all([
      db.participants.toArray(),
      db.sessionFactGroups.toArray(),
      db.actionFactGroups.toArray(),
      db.contracts.toArray(),
    ]),
  );

/** For comparison: the four full tables, as the page read them before the fact tables. */
const readFullTables = (db: FollowthroughDatabase) =>
  db.transaction('r', [db.participants, db.sessions, db.actions, db.contracts], () =>
    Promise.all([db.participants.toArray(), db.sessions.toArray(), db.actions.toArray(), db.contracts.toArray()]),
  );

const everyMeasure: BenchCase = {
  name: 'metrics-every-measure-5-years',
  async measure(mode) {
    const dataset = generateDataset({ size: mode.smoke ? 'small' : 'large' });
    const db = (database = await filledDatabase(dataset));
    const firstDate = dataset.sessions.reduce((first, session) => (session.date < first ? session.date : first), today);
    const request: MetricsRequest = {
      scope: { kind: 'everyone' },
      range: { from: firstDate, to: today },
      baseline: { kind: 'first-two-weeks' },
      timeZone: TIME_ZONE,
      now: DEFAULT_NOW,
    };
    const readAndCompute = async () =>
      computeMetrics(await readMetricRecords(db, request.scope, request.range, request.baseline), request);
    const inMemory: MetricRecords = await readMetricRecords(db, request.scope, request.range, request.baseline);
    const report = await readAndCompute();
    const samples = await measureSides(mode, {
      ours: () => timed(readAndCompute),
      baseline: () => timed(() => readFacts(db)),
      computeOnly: () => timed(async () => computeMetrics(inMemory, request)),
      fullTables: () => timed(() => readFullTables(db)),
    });
    const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
    return {
      ours: samples.ours,
      baseline: samples.baseline,
      notes:
        `${dataset.participants.length} participants, ${dataset.sessions.length} sessions, ${dataset.actions.length} actions, ` +
        `${dataset.contracts.length} contracts; ${report.weeks.length} weeks from ${firstDate}; read facts + every measure vs ` +
        `read facts only; compute alone ${ms(samples.computeOnly)}; reading the full tables instead ${ms(samples.fullTables)}; ` +
        'target < 300 ms and ≤ 3×',
      extra: { compute_only_ms: median(samples.computeOnly), full_tables_read_ms: median(samples.fullTables) },
    };
  },
};

export const cases: BenchCase[] = [everyMeasure];

export async function teardown(): Promise<void> {
  await database?.delete();
  database = null;
}
