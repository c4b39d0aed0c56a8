// Every measure the Metrics page shows: its name, how it is computed and from which records, and
// its pilot target from section 6 of the program guide. The page, the KPI workbook and the tests
// read these texts from here, so a definition is written once.
import type { Target } from './targets';

export const measureKeys = [
  'conversion',
  'followThrough',
  'timeToUnblock',
  'qualityIndex',
  'experimentAdoption',
  'coachingHours',
  'actionWithin24h',
  'followUpRate',
  'pulseShare',
] as const;
export type MeasureKey = (typeof measureKeys)[number];

export type MeasureUnit = 'percent' | 'days' | 'score' | 'per-team-month' | 'hours-per-leader-month';

type MeasureDefinition = {
  label: string;
  /** Pilot KPIs from the guide, or the coach's own quality signals. */
  group: 'pilot' | 'coach';
  unit: MeasureUnit;
  definition: string;
  target: Target;
  targetText: string;
  /** What the weekly trend chart plots. */
  trendLabel: string;
};

export const measureCatalogue: Record<MeasureKey, MeasureDefinition> = {
  conversion: {
    label: 'Coaching-to-action conversion',
    group: 'pilot',
    unit: 'percent',
    definition:
      'Actions logged in the period that reached Done or Verified (by their status history) before the period ended, ' +
      'as a share of all actions logged in the period. Verified actions are also shown on their own. Actions in the trash are left out.',
    target: { kind: 'at-least', value: 0.6, closeFrom: 0.45 },
    targetText: '60% or more within 90 days',
    trendLabel: 'Conversion to date, from the start of the period to the end of each week',
  },
  followThrough: {
    label: 'Commitment follow-through',
    group: 'pilot',
    unit: 'percent',
    definition:
      'Contract commitments due in the period whose status history reached Met on or before the due date, ' +
      'as a share of all commitments due in the period. Commitments with no due date are not counted.',
    target: { kind: 'change-vs-baseline', change: 0.2, ceiling: 1, untilBaseline: { value: 0.8, closeFrom: 0.6 } },
    targetText: '20% relative improvement on the baseline; until there is one, 80% or more met on time',
    trendLabel: 'Share of the commitments due each week that were met on time',
  },
  timeToUnblock: {
    label: 'Mean time to unblock',
    group: 'pilot',
    unit: 'days',
    definition:
      'For each time an action was marked Blocked in the period, the time until it next became Open, Done or Verified; ' +
      'the mean of those times. Blocks still open at the end of the period, or ended by dropping the action, are counted and shown but left out of the mean.',
    target: { kind: 'change-vs-baseline', change: -0.15 },
    targetText: '15% shorter than the baseline',
    trendLabel: 'Mean days to unblock, by the week the block was raised',
  },
  qualityIndex: {
    label: '1:1 quality index',
    group: 'pilot',
    unit: 'score',
    definition:
      'Each session with a pulse scores the mean of its answered questions (preparation, clarity of next steps, documented action; 1–5). ' +
      'The index is the median of those scores over the sessions held in the period.',
    target: { kind: 'at-least', value: 4, closeFrom: 3.5 },
    targetText: 'Median 4 / 5 or higher',
    trendLabel: 'Median pulse score of the sessions held each week',
  },
  experimentAdoption: {
    label: 'Experiment adoption',
    group: 'pilot',
    unit: 'per-team-month',
    definition:
      'Actions marked as experiments that reached Done or Verified in the period, per team per month. ' +
      'Teams come from the participant record; a team counts when one of its participants had a session or ran an experiment in the period.',
    target: { kind: 'at-least', value: 1, closeFrom: 0.5 },
    targetText: 'At least 1 experiment per team per month',
    trendLabel: 'Experiments completed each week',
  },
  coachingHours: {
    label: 'Coaching hours',
    group: 'pilot',
    unit: 'hours-per-leader-month',
    definition:
      'The recorded durations of the sessions held in the period (sessions dated in the period that have started), ' +
      'per leader who had one, per month of the period: a rate, so periods of any length compare. The weekly trend shows the hours themselves.',
    target: { kind: 'none' },
    targetText: 'Input measure: no pilot target',
    trendLabel: 'Coaching hours each week',
  },
  actionWithin24h: {
    label: 'Action logged within 24 hours',
    group: 'coach',
    unit: 'percent',
    definition:
      'Sessions held in the period with at least one action, linked to the session, logged within 24 hours of the session start ' +
      '(its date and start time on your clock). Sessions still inside their 24 hours with no action yet are not counted either way.',
    target: { kind: 'none' },
    targetText: 'Coach quality signal: no pilot target',
    trendLabel: 'Share of each week’s sessions with an action within 24 hours',
  },
  followUpRate: {
    label: 'Follow-up rate',
    group: 'coach',
    unit: 'percent',
    definition:
      'For each session held in the period, the participant’s actions from earlier that were still open when it began ' +
      '(logged before it and not yet done, verified or dropped); the share of those the session went over in “Since last time”. ' +
      'The program guide opens every session on the last one’s commitments.',
    target: { kind: 'none' },
    targetText: 'Coach quality signal: no pilot target',
    trendLabel: 'Share of the earlier open actions each week’s sessions went over',
  },
  pulseShare: {
    label: 'Sessions with a pulse',
    group: 'coach',
    unit: 'percent',
    definition:
      'Sessions held in the period with at least one pulse question answered, as a share of all sessions held.',
    target: { kind: 'none' },
    targetText: 'Coach quality signal: no pilot target',
    trendLabel: 'Share of each week’s sessions with a pulse',
  },
};
