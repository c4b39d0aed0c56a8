// CSV in and out (RFC 4180), and the measurement-fields export: the bundled schema of the pilot
// dashboard with each field's current value appended, ready for a BI tool.
import type { CalendarDate } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';

/** Rows of cells; quoted cells may hold commas, quotes and line breaks. A leading BOM is ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const needsQuotes = /[",\r\n]|^\s|\s$/;
/** Text a spreadsheet would run as a formula when the file is opened; a leading apostrophe keeps it text. */
const formulaStart = /^[=+\-@\t\r]/;
/** A signed number, possibly grouped with spaces or separators ("-0.15", "+44 20 7946"): nothing to run. */
const signedNumber = /^[+-]?[\d\s.,]+$/;

function csvCell(value: string): string {
  const safe = formulaStart.test(value) && !signedNumber.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const toCsv = (rows: string[][]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

export type MeasurementValues = {
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
