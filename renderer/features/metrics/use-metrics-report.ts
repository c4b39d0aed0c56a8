// Reads and computes the Metrics page's report from the database, again whenever the records it
// reads change. Nothing is read until the page opens.
import { useLiveQuery } from 'dexie-react-hooks';
import { database, repositories } from '../../db/instance';
import { readMetricRecords, earliestSessionDate } from '../../metrics/read-metric-records';
import { calendarDate, dayNumber } from '../../../shared/metrics/calendar-days';
import { computeMetrics, type MetricsReport } from '../../../shared/metrics/metrics-report';
import { toMetricParticipant, type MetricParticipant } from '../../../shared/metrics/metric-records';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import type { MetricsFilters } from './metrics-filters';

export const coachTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function todayIn(timeZone: string): string {
  return calendarDate(zonedClock(timeZone).dayOf(Date.now()));
}

const daysBefore = (date: string, days: number) => calendarDate(dayNumber(date) - days);

async function periodOf(filters: MetricsFilters, today: string) {
  switch (filters.preset) {
    case 'last-90':
      return { from: daysBefore(today, 89), to: today };
    case 'last-365':
      return { from: daysBefore(today, 364), to: today };
    case 'all':
      return { from: (await earliestSessionDate(database, null)) ?? daysBefore(today, 89), to: today };
    case 'custom':
      return filters.custom;
  }
}

export type CurrentReport = {
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
    const range = await periodOf(filters, todayIn(timeZone));
    const baseline =
      filters.baseline === 'period'
        ? { kind: 'period' as const, range: filters.baselineRange }
        : { kind: 'first-two-weeks' as const };
    const records = await readMetricRecords(database, filters.scope, range, baseline);
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
