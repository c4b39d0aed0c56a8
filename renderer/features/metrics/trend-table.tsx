// The numbers behind a trend chart, week by week: the accessible alternative to the canvas.
import { useState } from 'react';
import type { WeekRow } from '../../../shared/metrics/weekly-trends';
import { formatDate } from './date-labels';
import type { TrendSpec } from './trend-series';

/** The rows are built only while the table is open: eight closed tables of five years of weeks
 * would otherwise be most of the page's work on every change of filters. */
export function TrendTable({ spec, weeks, caption }: { spec: TrendSpec; weeks: WeekRow[]; caption: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="trend-data" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Weekly data ({weeks.length} weeks)</summary>
      {open && (
        <div className="trend-data-scroll">
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">{spec.seriesLabel}</th>
                {spec.counts.map((count) => (
                  <th scope="col" key={count.label}>
                    {count.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => {
                const value = spec.value(week);
                return (
                  <tr key={week.weekStart}>
                    <th scope="row">{formatDate(week.weekStart)}</th>
                    <td>{value === null ? '—' : spec.format(value)}</td>
                    {spec.counts.map((count) => (
                      <td key={count.label}>{count.value(week)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
