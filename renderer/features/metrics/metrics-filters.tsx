// Who, when and compared with what: the scope, the period and the baseline of the Metrics page.
import type { ReactNode } from 'react';
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

function DateRangeFields({
  prefix,
  range,
  onChange,
}: {
  prefix: string;
  range: { from: string; to: string };
  onChange: (range: { from: string; to: string }) => void;
}) {
  const input = (end: 'from' | 'to', label: string) => (
    <Field id={`${prefix}-${end}`} label={label}>
      <input
        id={`${prefix}-${end}`}
        type="date"
        value={range[end]}
        min={end === 'to' ? range.from : undefined}
        max={end === 'from' ? range.to : undefined}
        onChange={(event) => event.target.value && onChange({ ...range, [end]: event.target.value })}
      />
    </Field>
  );
  return (
    <>
      {input('from', 'From')}
      {input('to', 'To')}
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
      {filters.preset === 'custom' && (
        <DateRangeFields prefix="metrics-period" range={filters.custom} onChange={(custom) => set({ custom })} />
      )}
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
        <DateRangeFields
          prefix="metrics-baseline"
          range={filters.baselineRange}
          onChange={(baselineRange) => set({ baselineRange })}
        />
      )}
    </section>
  );
}
