// CSV in and out (RFC 4180), shared by the app's exports and the hub's action download.

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
