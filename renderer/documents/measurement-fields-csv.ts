// The measurement-fields export: the bundled schema of the pilot dashboard with each field's
// current value appended, ready for a BI tool.
import { parseCsv, toCsv } from '../../shared/csv';
import type { CalendarDate } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';

type MeasurementValues = {
  /** The current value of each field, by its `field` id; missing fields stay empty. */
  values: Partial<Record<string, number | string | null>>;
  /** The pilot target of each field, by its `field` id, over the schema's own; others stay as they are. */
  targets?: Partial<Record<string, string>>;
  asOf: CalendarDate;
};

const APPENDED = ['current_value', 'as_of'];

/** The bundled schema with `current_value` and `as_of` filled for each field. */
export function measurementFieldsCsv(
  schemaCsv: string,
  { values, targets = {}, asOf }: MeasurementValues,
): Result<string> {
  const [header, ...rows] = parseCsv(schemaCsv).filter((row) => row.some((cell) => cell.trim() !== ''));
  const fieldColumn = header?.indexOf('field') ?? -1;
  if (fieldColumn === -1) return fail('The measurement fields file has no "field" column in its first row.');
  const columns = [...header, ...APPENDED.filter((name) => !header.includes(name))];
  const valueColumn = columns.indexOf('current_value');
  const asOfColumn = columns.indexOf('as_of');
  const targetColumn = columns.indexOf('pilot_target');
  const filled = rows.map((row) => {
    const cells = columns.map((_name, i) => row[i] ?? '');
    const value = values[row[fieldColumn]];
    cells[valueColumn] = value === undefined || value === null ? '' : String(value);
    cells[asOfColumn] = asOf;
    const target = targets[row[fieldColumn]];
    if (target !== undefined && targetColumn !== -1) cells[targetColumn] = target;
    return cells;
  });
  return ok(toCsv([columns, ...filled]));
}
