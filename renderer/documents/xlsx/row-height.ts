// Neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a file, so a long
// commitment would show as one cut-off line. Rows the filler wrote get a height estimated from
// the text and the column widths; rows whose author fixed a height keep it.
import { attribute, withAttribute } from '../xml-text';
import type { SheetRow } from './sheet-xml';

const DEFAULT_COLUMN_WIDTH = 8.43;
const POINTS_PER_LINE = 13.2;
const PADDING_POINTS = 4;
const MIN_ROW_POINTS = 15;
/** Proportional text is narrower than the digit "0" that column widths are measured in. */
const CHARACTERS_PER_WIDTH_UNIT = 1.3;

export function columnWidths(sheetXml: string): (col: number) => number {
  const spans = [...sheetXml.matchAll(/<col\b[^>]*\/>/g)].map(([tag]) => ({
    min: Number(attribute(tag, 'min')),
    max: Number(attribute(tag, 'max')),
    width: Number(attribute(tag, 'width')),
  }));
  return (col) => spans.find((span) => span.min <= col && col <= span.max)?.width || DEFAULT_COLUMN_WIDTH;
}

function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH_UNIT) - 1);
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** The row with a height that shows all of its wrapped text, unless its height was set by hand. */
export function fitRowHeight(
  row: SheetRow,
  wrappedTexts: { col: number; text: string }[],
  widthOf: (col: number) => number,
): SheetRow {
  if (attribute(row.open, 'customHeight') === '1' || !wrappedTexts.length) return row;
  const lines = Math.max(...wrappedTexts.map(({ col, text }) => lineCount(text, widthOf(col))));
  if (lines <= 1) return row;
  const height = Math.max(MIN_ROW_POINTS, lines * POINTS_PER_LINE + PADDING_POINTS);
  return { ...row, open: withAttribute(withAttribute(row.open, 'ht', String(height)), 'customHeight', '1') };
}
