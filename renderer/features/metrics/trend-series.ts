// What each measure's weekly trend chart and its data table show: the weekly value in display
// units (percentages as 0–100), the goal line, the axis range and the counts behind each point.
import type { MeasureKey } from '../../../shared/metrics/catalogue';
import type { MetricsReport } from '../../../shared/metrics/metrics-report';
import type { WeekRow } from '../../../shared/metrics/weekly-trends';

export type TrendSpec = {
  kind: 'line' | 'bars';
  /** The series name in the chart legend and the table heading. */
  seriesLabel: string;
  value: (week: WeekRow) => number | null;
  format: (value: number) => string;
  /** Fixed axis range; otherwise from zero to the largest value or goal. */
  range?: [number, number];
  /** Few weeks have a value (commitments fall due now and then): draw points, not a line through gaps. */
  sparse?: boolean;
  /** Whole counts: the axis steps by whole numbers. */
  wholeNumbers?: boolean;
  /** The counts behind each point, for the data table. */
  counts: { label: string; value: (week: WeekRow) => number }[];
};

const percent = (share: number | null) => (share === null ? null : share * 100);
const asPercent = (value: number) => `${Math.round(value)}%`;
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toString();

export const trendSpecs: Record<MeasureKey, TrendSpec> = {
  conversion: {
    kind: 'line',
    seriesLabel: 'Conversion to date',
    value: (week) => percent(week.conversionToDate),
    format: asPercent,
    range: [0, 100],
    counts: [
      { label: 'Actions logged', value: (week) => week.actionsLogged },
      { label: 'Completed', value: (week) => week.actionsCompleted },
    ],
  },
  followThrough: {
    kind: 'line',
    seriesLabel: 'Met on time',
    value: (week) => percent(week.followThrough),
    format: asPercent,
    range: [0, 100],
    sparse: true,
    counts: [
      { label: 'Due', value: (week) => week.commitmentsDue },
      { label: 'Met on time', value: (week) => week.commitmentsMetOnTime },
    ],
  },
  timeToUnblock: {
    kind: 'line',
    seriesLabel: 'Mean days to unblock',
    value: (week) => week.meanDaysToUnblock,
    format: (days) => `${oneDecimal(days)} d`,
    sparse: true,
    counts: [
      { label: 'Blocks raised', value: (week) => week.blocksRaised },
      { label: 'Unblocked', value: (week) => week.blocksUnblocked },
    ],
  },
  qualityIndex: {
    kind: 'line',
    seriesLabel: 'Median pulse',
    value: (week) => week.qualityMedian,
    format: (score) => oneDecimal(score),
    range: [1, 5],
    sparse: true,
    counts: [
      { label: 'Sessions', value: (week) => week.sessions },
      { label: 'With a pulse', value: (week) => week.sessionsWithPulse },
    ],
  },
  experimentAdoption: {
    kind: 'bars',
    seriesLabel: 'Experiments completed',
    value: (week) => week.experiments,
    wholeNumbers: true,
    format: (count) => oneDecimal(count),
    counts: [],
  },
  coachingHours: {
    kind: 'bars',
    seriesLabel: 'Coaching hours',
    value: (week) => week.coachingHours,
    format: (hours) => `${oneDecimal(hours)} h`,
    counts: [{ label: 'Sessions', value: (week) => week.sessions }],
  },
  actionWithin24h: {
    kind: 'line',
    seriesLabel: 'Action within 24 h',
    value: (week) => percent(week.actionWithin24h),
    format: asPercent,
    range: [0, 100],
    counts: [{ label: 'Sessions', value: (week) => week.sessions }],
  },
  followUpRate: {
    kind: 'line',
    seriesLabel: 'Follow-up rate',
    value: (week) => percent(week.followUpRate),
    format: asPercent,
    range: [0, 100],
    sparse: true,
    counts: [{ label: 'Sessions', value: (week) => week.sessions }],
  },
  pulseShare: {
    kind: 'line',
    seriesLabel: 'With a pulse',
    value: (week) => percent(week.pulseShare),
    format: asPercent,
    range: [0, 100],
    counts: [
      { label: 'Sessions', value: (week) => week.sessions },
      { label: 'With a pulse', value: (week) => week.sessionsWithPulse },
    ],
  },
};

/** The goal line in display units, or null where the measure has none (or no baseline yet). */
export function trendGoal(key: MeasureKey, report: MetricsReport): number | null {
  if (key === 'experimentAdoption') return report.experimentsPerWeekGoal;
  const goal = report.measures.find((measure) => measure.key === key)?.goal ?? null;
  if (goal === null) return null;
  return trendSpecs[key].range?.[1] === 100 ? goal * 100 : goal;
}

/** The goal line's legend: the chart counts weeks, the experiment target is per team per month. */
export const goalLabel = (key: MeasureKey, goalText: string) =>
  key === 'experimentAdoption' ? `Target ${goalText} a week (1 per team per month)` : `Target ${goalText}`;
