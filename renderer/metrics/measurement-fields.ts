// The measurement fields export: the dashboard schema with each pilot measure as the Metrics page
// shows it: its value rounded as the page rounds it and the page's target, whatever the schema's
// copy says, in a file named after the scope and period it measures.
import { measureCatalogue, type MeasureKey } from '../../shared/metrics/catalogue';
import { roundedValue } from '../../shared/metrics/format';
import type { MetricsReport } from '../../shared/metrics/metrics-report';
import type { CalendarDate } from '../../shared/model';
import type { Result } from '../../shared/result';
import { safeFileName } from '../documents/file-names';
import { measurementFieldsCsv } from '../documents/measurement-fields-csv';

/** The Metrics measures that are fields of the measurement dashboard schema. */
export const measurementFieldOf: Partial<Record<MeasureKey, string>> = {
  coachingHours: 'coaching_hours',
  conversion: 'coaching_to_action_conversion',
  followThrough: 'commitment_follow_through',
  timeToUnblock: 'mean_time_to_unblock',
  qualityIndex: 'one_to_one_quality_index',
  experimentAdoption: 'experiment_adoption_rate',
};

export function measurementFieldsExport(
  report: Pick<MetricsReport, 'measures' | 'scopeLabel' | 'range'>,
  schemaCsv: string,
  asOf: CalendarDate,
): Result<{ fileName: string; csv: string }> {
  const values: Record<string, number | null> = {};
  const targets: Record<string, string> = {};
  for (const { key, value } of report.measures) {
    const field = measurementFieldOf[key];
    if (!field) continue;
    const { unit, targetText } = measureCatalogue[key];
    values[field] = value === null ? null : roundedValue(unit, value);
    targets[field] = targetText;
  }
  const csv = measurementFieldsCsv(schemaCsv, { values, targets, asOf });
  if (!csv.ok) return csv;
  const { from, to } = report.range;
  const fileName = safeFileName(`Measurement fields - ${report.scopeLabel} - ${from} to ${to}`, 'csv');
  return { ok: true, value: { fileName, csv: csv.value } };
}
