// Who, when and compared with what: the scope, the period and the baseline of the Metrics page.
import { useState, type ReactNode } from 'react';
import { FormDateField, dateEntry } from '../../components/date-field';
import { describeCalendarDate } from '../../../shared/natural-date';
import type { MetricParticipant } from '../../../shared/metrics/metric-records';
import type { MetricScope } from '../../../shared/metrics/scope';

const periodPresets = {
  'last-90': 'Last 90 days',
  'last-365': 'Last 12 months',
  all: 'All time',
  custom: 'Chosen dates',
};
type PeriodPreset = keyof typeof periodPresets;

export type MetricsFilters = {
  scope: MetricScope;
  preset: PeriodPreset;
  custom: { from: string; to: string };
  baseline: 'first-two-weeks' | 'period';
  baselineRange: { from: string; to: string };
};

function scopeValue(scope: MetricScope): string {
  if (scope.kind === 'cohort') return `cohort:${scope.cohort}`;
  if (scope.kind === 'participant') return `participant:${scope.participantId}`;
  return 'everyone';
}

function parseScope(value: string): MetricScope {
  const [kind, ...rest] = value.split(':');
  const key = rest.join(':');
  if (kind === 'cohort') return { kind: 'cohort', cohort: key };
  if (kind === 'participant') return { kind: 'participant', participantId: key };
  return { kind: 'everyone' };
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** One end of a chosen period, typed as any date is; the period changes once the end reads as a
 * date on the right side of the other end. */
function RangeEnd({
  label,
  date,
  onDate,
  before,
  after,
}: {
  label: string;
  date: string;
  onDate: (date: string) => void;
  before?: string;
  after?: string;
}) {
  const [text, setText] = useState(date);
  /** The date typed, once it reads as one on the right side of the other end. */
  const read = (typed: string) => {
    const entry = dateEntry(typed, true);
    // An entry that is no date at all: the field's own message says why.
    if (!entry.ok || entry.date === null) return { date: null, problem: null };
    const wrongSide = (before !== undefined && entry.date > before) || (after !== undefined && entry.date < after);
    if (!wrongSide) return { date: entry.date, problem: null };
    const which = before ? 'after To' : 'before From';
    return { date: null, problem: `${label}, ${describeCalendarDate(entry.date)}, must not come ${which}` };
  };
  return (
    <FormDateField
      label={label}
      required
      text={text}
      problem={read(text).problem}
      onText={(typed) => {
        setText(typed);
        const { date } = read(typed);
        if (date) onDate(date);
      }}
    />
  );
}

function DateRangeFields({
  range,
  onChange,
}: {
  range: { from: string; to: string };
  onChange: (range: { from: string; to: string }) => void;
}) {
  return (
    <>
      <RangeEnd label="From" date={range.from} before={range.to} onDate={(from) => onChange({ ...range, from })} />
      <RangeEnd label="To" date={range.to} after={range.from} onDate={(to) => onChange({ ...range, to })} />
    </>
  );
}

type Props = {
  filters: MetricsFilters;
  participants: MetricParticipant[];
  onChange: (filters: MetricsFilters) => void;
};

export function MetricsFilterBar({ filters, participants, onChange }: Props) {
  const cohorts = [...new Set(participants.map((participant) => participant.cohort.trim()).filter(Boolean))].sort();
  const set = (patch: Partial<MetricsFilters>) => onChange({ ...filters, ...patch });
  return (
    <section className="card metrics-filters" aria-label="What the measures cover">
      <Field id="metrics-scope" label="Who">
        <select
          id="metrics-scope"
          value={scopeValue(filters.scope)}
          onChange={(event) => set({ scope: parseScope(event.target.value) })}
        >
          <option value="everyone">Everyone</option>
          {cohorts.length > 0 && (
            <optgroup label="Cohorts">
              {cohorts.map((cohort) => (
                <option key={cohort} value={`cohort:${cohort}`}>
                  Cohort {cohort}
                </option>
              ))}
            </optgroup>
          )}
          {participants.length > 0 && (
            <optgroup label="Participants">
              {participants.map((participant) => (
                <option key={participant.id} value={`participant:${participant.id}`}>
                  {participant.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </Field>
      <Field id="metrics-period" label="Period">
        <select
          id="metrics-period"
          value={filters.preset}
          onChange={(event) => set({ preset: event.target.value as PeriodPreset })}
        >
          {Object.entries(periodPresets).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {filters.preset === 'custom' && <DateRangeFields range={filters.custom} onChange={(custom) => set({ custom })} />}
      <Field id="metrics-baseline" label="Compared with">
        <select
          id="metrics-baseline"
          value={filters.baseline}
          onChange={(event) => set({ baseline: event.target.value as MetricsFilters['baseline'] })}
        >
          <option value="first-two-weeks">The first two weeks</option>
          <option value="period">Chosen dates</option>
        </select>
      </Field>
      {filters.baseline === 'period' && (
        <DateRangeFields range={filters.baselineRange} onChange={(baselineRange) => set({ baselineRange })} />
      )}
    </section>
  );
}
