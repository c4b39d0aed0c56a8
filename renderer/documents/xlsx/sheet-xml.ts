// A worksheet's <sheetData> as rows of cells that can be copied and moved, with the XML before
// and after it kept verbatim (sheet views, validations, print setup...).
import { cellName, parseCellName } from './cell-refs';
import { attribute, withoutAttribute } from '../xml-text';

export type SheetCell = {
  col: number;
  /** The opening tag without its `r`, never self-closing. */
  open: string;
  inner: string;
  /** For a copy of a repeated column: which item of the column list it shows. */
  columnIndex?: number;
};

export type SheetRow = {
  index: number;
  /** The opening tag without `r` and `spans`, never self-closing. */
  open: string;
  cells: SheetCell[];
  /** For a copy of a repeated row: the list and the item it shows. */
  item?: { list: string; index: number };
};

export type SheetXml = { before: string; rows: SheetRow[]; after: string };

const rowPattern = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function parseCells(xml: string): SheetCell[] {
  const cells: SheetCell[] = [];
  let previous = 0;
  for (const match of xml.matchAll(cellPattern)) {
    const open = `<c${match[1]}>`;
    const ref = attribute(open, 'r');
    const col = (ref && parseCellName(ref)?.col) || previous + 1;
    previous = col;
    cells.push({ col, open: withoutAttribute(open, 'r'), inner: match[2] ?? '' });
  }
  return cells;
}

export function parseSheet(xml: string): SheetXml {
  const empty = /<sheetData\s*\/>/.exec(xml);
  if (empty) {
    return {
      before: `${xml.slice(0, empty.index)}<sheetData>`,
      rows: [],
      after: `</sheetData>${xml.slice(empty.index + empty[0].length)}`,
    };
  }
  const open = /<sheetData\b[^>]*>/.exec(xml);
  const close = xml.indexOf('</sheetData>');
  if (!open || close === -1) throw new Error('A sheet of the workbook has no cell data.');
  const data = xml.slice(open.index + open[0].length, close);
  const rows: SheetRow[] = [];
  let previous = 0;
  for (const match of data.matchAll(rowPattern)) {
    const tag = `<row${match[1]}>`;
    const index = Number(attribute(tag, 'r')) || previous + 1;
    previous = index;
    rows.push({
      index,
      open: withoutAttribute(withoutAttribute(tag, 'r'), 'spans'),
      cells: parseCells(match[2] ?? ''),
    });
  }
  return { before: xml.slice(0, open.index + open[0].length), rows, after: xml.slice(close) };
}

export function serializeRows(rows: SheetRow[]): string {
  let xml = '';
  for (const row of rows) {
    xml += row.open.replace(/^<row/, `<row r="${row.index}"`);
    for (const cell of row.cells)
      xml += `${cell.open.replace(/^<c/, `<c r="${cellName(cell.col, row.index)}"`)}${cell.inner}</c>`;
    xml += '</row>';
  }
  return xml;
}

/** The used range, for the sheet's <dimension>. */
export function usedRange(rows: SheetRow[]): string {
  let maxCol = 1;
  let maxRow = 1;
  for (const row of rows) {
    if (row.cells.length) maxRow = Math.max(maxRow, row.index);
    for (const cell of row.cells) maxCol = Math.max(maxCol, cell.col);
  }
  return maxRow === 1 && maxCol === 1 ? 'A1' : `A1:${cellName(maxCol, maxRow)}`;
}
