// The Metrics page: does coaching convert to action? Every measure of the program guide for one
// participant, a cohort or everyone, against its baseline and pilot target, with weekly trends.
import { useState } from 'react';
import { MetricsEmptyPage } from './metrics-empty-page';
import { measureCatalogue } from '../../../shared/metrics/catalogue';
import type { MetricsReport } from '../../../shared/metrics/metrics-report';
import { formatRange } from './date-labels';
import { ExportWorkbookButton } from './export-workbook-button';
import { runExport } from '../documents/run-export';
import { MeasurePanel } from './measure-panel';
import { MetricsFilterBar, type MetricsFilters } from './metrics-filters';
import { Scorecard } from './scorecard';
import { coachTimeZone, todayIn, useMetricParticipants, useMetricsReport } from './use-metrics-report';
import { calendarDate, dayNumber } from '../../../shared/metrics/calendar-days';
import './metrics.css';

function initialFilters(): MetricsFilters {
  const today = todayIn(coachTimeZone());
  const daysAgo = (days: number) => calendarDate(dayNumber(today) - days);
  return {
    scope: { kind: 'everyone' },
    preset: 'last-90',
    custom: { from: daysAgo(89), to: today },
    baseline: 'first-two-weeks',
    baselineRange: { from: daysAgo(89), to: daysAgo(76) },
  };
}

function Subtitle({ report }: { report: MetricsReport }) {
  const baseline = report.baselineRange ? `compared with ${formatRange(report.baselineRange)}` : 'no baseline yet';
  return (
    <p className="metrics-subtitle">
      {report.scopeLabel} · {formatRange(report.range)} · {baseline} · weeks start Monday, {report.timeZone}
    </p>
  );
}

function Panels({ report, group, title }: { report: MetricsReport; group: 'pilot' | 'coach'; title: string }) {
  const measures = report.measures.filter((measure) => measureCatalogue[measure.key].group === group);
  return (
    <section aria-label={title}>
      <h2 className="metrics-section-title">{title}</h2>
      <div className="measure-grid">
        {measures.map((measure) => (
          <MeasurePanel key={measure.key} summary={measure} report={report} />
        ))}
      </div>
    </section>
  );
}

export default function MetricsView() {
  const [filters, setFilters] = useState(initialFilters);
  const participants = useMetricParticipants();
  const { report, current } = useMetricsReport(filters);

  if (participants?.length === 0) return <MetricsEmptyPage />;

  return (
    <div className="metrics-page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Does coaching convert to action?</p>
          <h1>Metrics</h1>
          {report && <Subtitle report={report} />}
        </div>
        {report && (
          <div className="row">
            <button
              type="button"
              onClick={() =>
                void runExport('The measurement fields', (deps, documents) =>
                  documents.exportMeasurementFields(report, deps),
                )
              }
            >
              Measurement fields (.csv)
            </button>
            <ExportWorkbookButton report={report} />
          </div>
        )}
      </header>
      <MetricsFilterBar filters={filters} participants={participants ?? []} onChange={setFilters} />
      {report ? (
        <div className="stack-lg" aria-busy={!current} data-ready={current}>
          <Scorecard measures={report.measures} />
          <Panels report={report} group="pilot" title="Pilot measures" />
          <Panels report={report} group="coach" title="Coach quality signals" />
        </div>
      ) : (
        <p className="muted" aria-busy>
          Computing the measures…
        </p>
      )}
    </div>
  );
}
