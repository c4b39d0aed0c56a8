// One measure: its value, rating, baseline and target, what the number is made of, its weekly
// trend (chart and table) and how it is computed.
import { lazy, Suspense, useId } from 'react';
import { measureCatalogue } from '../../../shared/metrics/catalogue';
import { formatValue } from '../../../shared/metrics/format';
import type { MeasureSummary } from '../../../shared/metrics/measure-summaries';
import type { MetricsReport } from '../../../shared/metrics/metrics-report';
import { ratingLabels } from '../../../shared/metrics/targets';
import { formatDate } from './date-labels';
import { RatingBadge } from './rating-badge';
import { goalLabel, trendGoal, trendSpecs } from './trend-series';
import { TrendTable } from './trend-table';

const TrendChart = lazy(() => import('./trend-chart'));

function chartSummary(summary: MeasureSummary, report: MetricsReport): string {
  const definition = measureCatalogue[summary.key];
  const spec = trendSpecs[summary.key];
  const goal = trendGoal(summary.key, report);
  const weeks = report.weeks;
  if (weeks.length === 0) return `${definition.trendLabel}: no weeks in the period.`;
  const shown = weeks.map(spec.value).filter((value): value is number => value !== null);
  const latest = shown.length > 0 ? spec.format(shown[shown.length - 1]) : 'no data';
  const parts = [
    `${definition.trendLabel}, ${weeks.length} weeks from ${formatDate(weeks[0].weekStart)}.`,
    `Latest ${latest}.`,
    goal === null ? '' : `${goalLabel(summary.key, spec.format(goal))}.`,
    `Rated ${ratingLabels[summary.rating].toLowerCase()}.`,
  ];
  return parts.filter(Boolean).join(' ');
}

export function MeasurePanel({ summary, report }: { summary: MeasureSummary; report: MetricsReport }) {
  const headingId = useId();
  const definition = measureCatalogue[summary.key];
  const spec = trendSpecs[summary.key];
  const goal = trendGoal(summary.key, report);
  // The goal a baseline gives, in figures; without a baseline the target text already says the bar.
  const relativeGoal =
    definition.target.kind === 'change-vs-baseline' && summary.goal !== null && summary.baseline !== null;
  return (
    <article className="card measure-panel" aria-labelledby={headingId} data-measure={summary.key}>
      <header className="measure-head">
        <h3 id={headingId}>{definition.label}</h3>
        <RatingBadge rating={summary.rating} />
      </header>
      <div className="measure-figures">
        <p className="measure-value">{formatValue(definition.unit, summary.value)}</p>
        <dl className="measure-compare">
          <div>
            <dt>Baseline</dt>
            <dd>{formatValue(definition.unit, summary.baseline)}</dd>
          </div>
          <div>
            <dt>Target</dt>
            <dd>
              {definition.targetText}
              {relativeGoal && <span className="muted"> ({formatValue(definition.unit, summary.goal)})</span>}
            </dd>
          </div>
        </dl>
      </div>
      <p className="measure-detail">{summary.detail}</p>
      <figure className="trend" aria-label={chartSummary(summary, report)}>
        <Suspense fallback={<div className="trend-chart trend-loading" />}>
          <TrendChart
            spec={spec}
            weeks={report.weeks}
            goal={goal}
            goalLabel={goal === null ? '' : goalLabel(summary.key, spec.format(goal))}
          />
        </Suspense>
        <figcaption>{definition.trendLabel}</figcaption>
      </figure>
      <TrendTable spec={spec} weeks={report.weeks} caption={`${definition.label}, week by week`} />
      <p className="measure-definition">
        <strong>How it is computed.</strong> {definition.definition}
      </p>
    </article>
  );
}
