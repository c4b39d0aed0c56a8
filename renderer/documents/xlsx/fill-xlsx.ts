// Fills an Excel template: marked columns and rows repeat per item, placeholders in cells and in
// print headers are filled, and a cell holding one number or date placeholder becomes a real
// number or date, so the workbook sorts and filters like one typed by hand.
import {
  calendarDateToUtc,
  lookUp,
  valueText,
  type FieldValue,
  type FillData,
  type FillOptions,
  type Scope,
} from '../fill-data';
import {
  CONTENT_TYPES,
  markAsDocument,
  readText,
  relationshipsPath,
  writeText,
  type OoxmlPackage,
} from '../ooxml-package';
import { scanPlaceholders } from '../placeholders';
import { zipEntries } from '../safe-unzip';
import { fillText, rewriteTextNodes } from '../text-runs';
import { attribute, decodeXml, escapeXml, withAttribute, withoutAttribute } from '../xml-text';
import { moveReferences, repeatColumn, repeatRow, type WorkbookState } from './expand-sheet';
import { cellString, stringText, type XlsxTemplate } from './read-xlsx';
import { columnWidths, fitRowHeight } from './row-height';
import { serializeRows, usedRange, type SheetCell } from './sheet-xml';

const MAX_CELL_TEXT = 32_767;
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const cellText = (value: FieldValue, locale: string) => {
  const text = valueText(value, locale);
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
};

function typedCell(cell: SheetCell, value: FieldValue, isDateStyle: boolean): SheetCell | null {
  const plain = withoutAttribute(cell.open, 't');
  if (typeof value === 'number') return { ...cell, open: plain, inner: `<v>${value}</v>` };
  if (value !== null && typeof value === 'object' && isDateStyle) {
    const serial = value.date === null ? '' : `<v>${(calendarDateToUtc(value.date) - EXCEL_EPOCH) / MS_PER_DAY}</v>`;
    return { ...cell, open: plain, inner: serial };
  }
  return null;
}

function fillCell(cell: SheetCell, template: XlsxTemplate, scopes: Scope[], options: FillOptions): SheetCell {
  const rich = cellString(cell, template.sharedStrings);
  if (rich === null || !rich.includes('{{')) return cell;
  const text = stringText(rich);
  const tokens = scanPlaceholders(text);
  const columnIndex = cell.columnIndex ?? null;
  if (tokens.length === 1 && tokens[0].type === 'field' && text.trim() === tokens[0].raw) {
    const style = Number(attribute(cell.open, 's') ?? 0);
    const typed = typedCell(cell, lookUp(scopes, tokens[0].name, columnIndex), template.dateStyles.has(style));
    if (typed) return typed;
  }
  const filled = rewriteTextNodes(rich, 't', (nodeText) =>
    fillText(nodeText, (name) => escapeXml(cellText(lookUp(scopes, name, columnIndex), options.locale))),
  );
  if (!stringText(filled)) return { ...cell, open: withoutAttribute(cell.open, 't'), inner: '' };
  return { ...cell, open: withAttribute(cell.open, 't', 'inlineStr'), inner: `<is>${filled}</is>` };
}

/** Print headers and footers: `&` starts a code there, so a literal one is written `&&`. */
function fillHeaderFooter(xml: string, data: FillData, options: FillOptions): string {
  return xml.replace(
    /(<(odd|even|first)(Header|Footer)>)([^<]*)(<\/\2\3>)/g,
    (_all, open: string, _k: string, _p: string, text: string, close: string) =>
      `${open}${fillText(decodeXml(text), (name) => escapeXml(cellText(lookUp([data.fields], name, null), options.locale).replace(/&/g, '&&')))}${close}`,
  );
}

function initialState(template: XlsxTemplate): WorkbookState {
  return {
    workbook: template.workbook,
    sheets: template.sheets.map((sheet) => ({
      name: sheet.name,
      before: sheet.xml.before,
      after: sheet.xml.after,
      rows: sheet.xml.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell })) })),
      tables: new Map(sheet.tables.map((path) => [path, readText(template.pkg.entries, path) ?? ''])),
    })),
  };
}

function expandSheet(state: WorkbookState, template: XlsxTemplate, index: number, data: FillData): void {
  const info = template.sheets[index];
  const sheet = state.sheets[index];
  // An empty list keeps one blank line, so formulas, dropdowns and borders that point at it hold.
  const linesFor = (list: string) => Math.max(1, data.lists[list]?.length ?? 0);
  if (info.column) {
    const count = linesFor(info.column.list);
    moveReferences(state, index, { axis: 'col', at: info.column.col, count });
    sheet.rows = repeatColumn(sheet.rows, sheet.name, info.column.col, count);
  }
  const marked = [...info.rowLists].sort(([a], [b]) => b - a);
  for (const [at, list] of marked) {
    const count = linesFor(list);
    moveReferences(state, index, { axis: 'row', at, count });
    sheet.rows = repeatRow(sheet.rows, sheet.name, at, list, count);
  }
}

function fillSheet(
  state: WorkbookState,
  template: XlsxTemplate,
  index: number,
  data: FillData,
  options: FillOptions,
): string {
  const info = template.sheets[index];
  const sheet = state.sheets[index];
  const columnItems = info.column ? (data.lists[info.column.list] ?? []) : [];
  const widthOf = columnWidths(sheet.before + sheet.after);
  sheet.rows = sheet.rows.map((row) => {
    const rowScope = row.item ? data.lists[row.item.list]?.[row.item.index] : undefined;
    const wrapped: { col: number; text: string }[] = [];
    const cells = row.cells.map((cell) => {
      const scopes = [data.fields];
      if (rowScope) scopes.push(rowScope);
      if (cell.columnIndex !== undefined && columnItems[cell.columnIndex]) scopes.push(columnItems[cell.columnIndex]);
      const filled = fillCell(cell, template, scopes, options);
      if (filled !== cell && template.wrapStyles.has(Number(attribute(cell.open, 's') ?? 0))) {
        wrapped.push({ col: cell.col, text: stringText(cellString(filled, template.sharedStrings) ?? '') });
      }
      return { ...filled, inner: filled.inner.replace(/(<\/f>)<v>[^<]*<\/v>/, '$1') };
    });
    return fitRowHeight({ ...row, cells }, wrapped, widthOf);
  });
  const before = sheet.before.replace(/<dimension ref="[^"]*"\s*\/>/, `<dimension ref="${usedRange(sheet.rows)}"/>`);
  return before + serializeRows(sheet.rows) + fillHeaderFooter(sheet.after, data, options);
}

/** Excel recomputes formulas on opening, and drops a calculation chain that no longer matches. */
function recalculateOnOpen(pkg: OoxmlPackage, workbook: string): string {
  const chain = 'xl/calcChain.xml';
  if (pkg.entries.delete(chain)) {
    const rels = relationshipsPath(pkg.mainPart);
    writeText(
      pkg.entries,
      rels,
      (readText(pkg.entries, rels) ?? '').replace(/<Relationship\b[^>]*calcChain[^>]*\/>/, ''),
    );
    writeText(
      pkg.entries,
      CONTENT_TYPES,
      (readText(pkg.entries, CONTENT_TYPES) ?? '').replace(/<Override\b[^>]*calcChain[^>]*\/>/, ''),
    );
  }
  if (/<calcPr\b/.test(workbook))
    return workbook.replace(/<calcPr\b[^>]*?\/?>/, (tag) => withAttribute(tag, 'fullCalcOnLoad', '1'));
  const anchor = ['</definedNames>', '</externalReferences>', '</functionGroups>', '</sheets>'].find((tag) =>
    workbook.includes(tag),
  );
  return anchor ? workbook.replace(anchor, `${anchor}<calcPr fullCalcOnLoad="1"/>`) : workbook;
}

export function fillXlsx(template: XlsxTemplate, data: FillData, options: FillOptions): Uint8Array {
  const pkg: OoxmlPackage = { ...template.pkg, entries: new Map(template.pkg.entries) };
  const state = initialState(template);
  template.sheets.forEach((_sheet, index) => expandSheet(state, template, index, data));
  template.sheets.forEach((info, index) =>
    writeText(pkg.entries, info.path, fillSheet(state, template, index, data, options)),
  );
  state.sheets.forEach((sheet) => sheet.tables.forEach((xml, path) => writeText(pkg.entries, path, xml)));
  writeText(pkg.entries, pkg.mainPart, recalculateOnOpen(pkg, state.workbook));
  markAsDocument(pkg);
  return zipEntries(pkg.entries);
}
