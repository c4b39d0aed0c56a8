// The whole Metrics page in one pure call: records and a request in, every measure for the period
// and its baseline, their ratings and the weekly series out.
import { toDateRange, toDayRange, type DateRange, type DayRange } from './calendar-days';
import type { MetricRecords } from './metric-records';
import { dateRecords, type DatedSession } from './dated-records';
import { measuresFor } from './period-measures';
import { summarise, type MeasureSummary } from './measure-summaries';
import { period } from './period';
import { recordsInScope, scopeLabel, type MetricScope } from './scope';
import { AVERAGE_MONTH_DAYS, type TeamAdoption } from './experiment-adoption';
import { weeklyTrends, type WeekRow } from './weekly-trends';
import { zonedClock, type ZonedClock } from './zoned-clock';

export const BASELINE_DAYS = 14;

export type BaselineChoice = { kind: 'first-two-weeks' } | { kind: 'period'; range: DateRange };

export type MetricsRequest = {
  scope: MetricScope;
  range: DateRange;
  baseline: BaselineChoice;
  timeZone: string;
  /** When the numbers are computed: sessions not started and blocks not ended by then count as such. */
  now: number;
};

export type MetricsReport = {
  scopeLabel: string;
  timeZone: string;
  range: DateRange;
  baselineRange: DateRange | null;
  computedAt: number;
  participants: number;
  measures: MeasureSummary[];
  weeks: WeekRow[];
  teams: TeamAdoption[];
  /** One experiment per team per month, as experiments per week for the period's teams. */
  experimentsPerWeekGoal: number | null;
};

const ordered = (range: DayRange): DayRange =>
  range.first <= range.last ? range : { first: range.last, last: range.first };

/** The scope's first two weeks: from its earliest session, or null when it has none. */
function firstTwoWeeks(sessions: readonly Pick<DatedSession, 'day'>[]): DayRange | null {
  let first = Infinity;
  for (const session of sessions) first = Math.min(first, session.day);
  return Number.isFinite(first) ? { first, last: first + BASELINE_DAYS - 1 } : null;
}

export function computeMetrics(
  records: MetricRecords,
  request: MetricsRequest,
  clock: ZonedClock = zonedClock(request.timeZone),
): MetricsReport {
  const dated = dateRecords(recordsInScope(records, request.scope), clock, request.now);
  const range = ordered(toDayRange(request.range));
  const baselineDays =
    request.baseline.kind === 'period' ? ordered(toDayRange(request.baseline.range)) : firstTwoWeeks(dated.sessions);
  const current = period(range, clock, request.now);
  const now = measuresFor(dated, current);
  const baseline = baselineDays === null ? null : measuresFor(dated, period(baselineDays, clock, request.now));
  const teams = now.experiments.teams;
  return {
    scopeLabel: scopeLabel(records, request.scope),
    timeZone: clock.timeZone,
    range: toDateRange(range),
    baselineRange: baselineDays === null ? null : toDateRange(baselineDays),
    computedAt: request.now,
    participants: dated.participants.length,
    measures: summarise(now, baseline),
    weeks: weeklyTrends(dated, current),
    teams,
    experimentsPerWeekGoal: teams.length === 0 ? null : (teams.length * 7) / AVERAGE_MONTH_DAYS,
  };
}
