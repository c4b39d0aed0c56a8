// Reads and computes the Metrics page's report from the database, again whenever the records it
// reads change. Nothing is read until the page opens.
import { useLiveQuery } from 'dexie-react-hooks';
// eslint-disable-next-line no-restricted-imports -- handed to the metrics readers (renderer/metrics), which own these reads
import { database, repositories } from '../../db/instance';
import { readAllTimeMetricRecords, readMetricRecords } from '../../metrics/read-metric-records';
import { calendarDate, dayNumber, type DateRange } from '../../../shared/metrics/calendar-days';
import { computeMetrics, type BaselineChoice, type MetricsReport } from '../../../shared/metrics/metrics-report';
import { toMetricParticipant, type MetricParticipant } from '../../../shared/metrics/metric-records';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import type { MetricsFilters } from './metrics-filters';

export const coachTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function todayIn(timeZone: string): string {
  return calendarDate(zonedClock(timeZone).dayOf(Date.now()));
}

const daysBefore = (date: string, days: number) => calendarDate(dayNumber(date) - days);

/** The period of every preset but All time, whose start depends on the records. */
function fixedPeriodOf(filters: MetricsFilters, today: string): DateRange {
  if (filters.preset === 'custom') return filters.custom;
  return { from: daysBefore(today, filters.preset === 'last-365' ? 364 : 89), to: today };
}

/** The records for these filters and the period they cover; All time learns its start in the same read. */
async function readFor(filters: MetricsFilters, today: string, baseline: BaselineChoice) {
  if (filters.preset === 'all') {
    const allTime = { until: today, fromWhenEmpty: daysBefore(today, 89) };
    return readAllTimeMetricRecords(database, filters.scope, allTime, baseline);
  }
  const range = fixedPeriodOf(filters, today);
  return { records: await readMetricRecords(database, filters.scope, range, baseline), range };
}

type CurrentReport = {
  report: MetricsReport | undefined;
  /** Whether the report shown is the one for the filters chosen, not the last one while computing. */
  current: boolean;
};

/** The report for these filters. Marks each computation's read and compute in the Performance
 * timeline (metrics-read, metrics-compute), as the benchmarks and DevTools see it. */
export function useMetricsReport(filters: MetricsFilters): CurrentReport {
  const key = JSON.stringify(filters);
  const computed = useLiveQuery(async () => {
    const started = performance.now();
    const timeZone = coachTimeZone();
    const baseline: BaselineChoice =
      filters.baseline === 'period' ? { kind: 'period', range: filters.baselineRange } : { kind: 'first-two-weeks' };
    const { records, range } = await readFor(filters, todayIn(timeZone), baseline);
    const read = performance.now();
    const report = computeMetrics(records, { scope: filters.scope, range, baseline, timeZone, now: Date.now() });
    performance.measure('metrics-read', { start: started, end: read });
    performance.measure('metrics-compute', { start: read });
    return { key, report };
  }, [key]);
  return { report: computed?.report, current: computed?.key === key };
}

export function useMetricParticipants(): MetricParticipant[] | undefined {
  return useLiveQuery(async () => (await repositories.participants.listActive()).map(toMetricParticipant), []);
}
