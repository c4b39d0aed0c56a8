// The Metrics page's database read: only the sessions of the period and the baseline, only the
// fields the measures use, and yet the same report as computing over every record in memory.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { readMetricRecords } from '../../../renderer/metrics/read-metric-records';
import { generateDataset } from '../../../shared/demo-dataset';
import { computeMetrics, type BaselineChoice } from '../../../shared/metrics/metrics-report';
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
  await db.participants.bulkPut(dataset.participants);
  await db.sessions.bulkPut(dataset.sessions);
  await db.actions.bulkPut(dataset.actions);
  await db.contracts.bulkPut(dataset.contracts);
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
      expect(computeMetrics(read, request)).toEqual(computeMetrics(dataset, request));
    }
  });

  it('reads only the sessions of the period and the baseline, without their notes', async () => {
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
      ['date', 'deletedAt', 'durationMinutes', 'id', 'participantId', 'pulse', 'startTime'].sort(),
    );
    expect(read.actions[0]).not.toHaveProperty('text');
  });

  it('leaves out records in the trash', async () => {
    const database = await filled();
    const [session] = await database.sessions.where('date').between(range.from, range.to, true, true).toArray();
    await database.sessions.update(session.id, { deletedAt: NOW });
    const read = await readMetricRecords(database, { kind: 'everyone' }, range, { kind: 'first-two-weeks' });
    expect(read.sessions.some((candidate) => candidate.id === session.id)).toBe(false);
  });

  it('reads an empty database', async () => {
    const database = openTestDatabase().db;
    db = database;
    const read = await readMetricRecords(database, { kind: 'everyone' }, range, { kind: 'first-two-weeks' });
    expect(read).toEqual({ participants: [], sessions: [], actions: [], contracts: [] });
  });
});
