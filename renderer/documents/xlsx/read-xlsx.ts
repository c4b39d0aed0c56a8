// Reads an Excel template: its sheets, shared strings and date styles, where each placeholder
// sits, and which rows and columns are marked to repeat.
import type { TemplateKind } from '../../../shared/model';
import { catalogue, findList } from '../catalogue';
import { readRelationships, readText, tagsNamed, type OoxmlPackage } from '../ooxml-package';
import { scanPlaceholders } from '../placeholders';
import type { PlaceholderUse, TemplateStructure } from '../template-analysis';
import { inlineStringText, mergeSplitPlaceholders, sharedStringText, textNodes } from '../text-runs';
import { attribute } from '../xml-text';
import { cellName } from './cell-refs';
import { parseSheet, type SheetCell, type SheetXml } from './sheet-xml';

type XlsxSheet = {
  name: string;
  path: string;
  xml: SheetXml;
  /** Row number → the list whose marker it holds. */
  rowLists: Map<number, string>;
  column: { col: number; list: string } | null;
  tables: string[];
};

export type XlsxTemplate = {
  pkg: OoxmlPackage;
  workbook: string;
  sheets: XlsxSheet[];
  /** The inside of each shared string item, with split placeholders made whole. */
  sharedStrings: string[];
  dateStyles: Set<number>;
  wrapStyles: Set<number>;
  structure: TemplateStructure;
};

/** The rich-text inside of a cell's string (shared or inline), or null for other cells. */
export function cellString(cell: SheetCell, sharedStrings: string[]): string | null {
  const type = attribute(cell.open, 't');
  if (type === 's') {
    const index = /<v>\s*(\d+)\s*<\/v>/.exec(cell.inner);
    return index ? (sharedStrings[Number(index[1])] ?? null) : null;
  }
  if (type === 'inlineStr') return /<is>([\s\S]*)<\/is>/.exec(cell.inner)?.[1] ?? null;
  return null;
}

export const stringText = (rich: string): string =>
  textNodes(rich.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''), 't')
    .map((node) => node.text)
    .join('');

function readSharedStrings(pkg: OoxmlPackage): string[] {
  const rel = readRelationships(pkg.entries, pkg.mainPart).find((r) => r.type.endsWith('/sharedStrings'));
  const xml = rel && readText(pkg.entries, rel.target);
  if (!xml) return [];
  const merged = mergeSplitPlaceholders(xml, sharedStringText);
  return [...merged.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((match) => match[1] ?? '');
}

const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare) && !/general/i.test(bare);
}

/** Which cell styles (by index) show a date, and which wrap their text. */
function readCellStyles(pkg: OoxmlPackage): { dateStyles: Set<number>; wrapStyles: Set<number> } {
  const rel = readRelationships(pkg.entries, pkg.mainPart).find((r) => r.type.endsWith('/styles'));
  const xml = (rel && readText(pkg.entries, rel.target)) ?? '';
  const custom = new Map(
    tagsNamed(xml, 'numFmt').map((tag) => [Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '']),
  );
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dateStyles = new Set<number>();
  const wrapStyles = new Set<number>();
  [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].forEach(([xf], index) => {
    const id = Number(attribute(xf, 'numFmtId') ?? 0);
    if (builtInDateFormats.has(id) || (custom.has(id) && isDateFormatCode(custom.get(id)!))) dateStyles.add(index);
    if (/<alignment\b[^>]*\bwrapText="(1|true)"/.test(xf)) wrapStyles.add(index);
  });
  return { dateStyles, wrapStyles };
}

function missingSheetProblems(kind: TemplateKind, names: string[]): string[] {
  const required = catalogue[kind].requiredSheets;
  const has = (name: string) => names.some((present) => present.trim().toLowerCase() === name.toLowerCase());
  const quoted = (list: string[]) => list.map((name) => `"${name}"`).join(' and ');
  return required
    .filter((name) => !has(name))
    .map(
      (name) =>
        `This workbook has no sheet named "${name}". The ${catalogue[kind].label.toLowerCase()} template needs the ` +
        `sheets ${quoted(required)}; this one has ${quoted(names) || 'none'}.`,
    );
}

function analyseSheet(kind: TemplateKind, sheet: XlsxSheet, sharedStrings: string[], structure: TemplateStructure) {
  const found: { token: ReturnType<typeof scanPlaceholders>[number]; row: number; col: number }[] = [];
  for (const row of sheet.xml.rows) {
    for (const cell of row.cells) {
      if (attribute(cell.open, 't') === 'inlineStr') cell.inner = mergeSplitPlaceholders(cell.inner, inlineStringText);
      const rich = cellString(cell, sharedStrings);
      if (rich === null || !rich.includes('{{')) continue;
      for (const token of scanPlaceholders(stringText(rich))) found.push({ token, row: row.index, col: cell.col });
    }
  }
  for (const { token, row, col } of found) {
    if (token.type !== 'list') continue;
    const where = `${sheet.name}!${cellName(col, row)}`;
    if (findList(kind, token.name)?.axis === 'column') {
      if (sheet.column && sheet.column.col !== col) {
        structure.problems.push(
          `Sheet "${sheet.name}" can repeat one column only; ${token.raw} at ${where} is a second one.`,
        );
      } else if (sheet.tables.length) {
        structure.problems.push(
          `${token.raw} at ${where} cannot repeat a column of an Excel table; convert the table to a range.`,
        );
      } else sheet.column = { col, list: token.name };
    } else if (sheet.rowLists.has(row) && sheet.rowLists.get(row) !== token.name) {
      structure.problems.push(
        `Row ${row} of sheet "${sheet.name}" repeats for one list only, but holds {{#${sheet.rowLists.get(row)}}} and ${token.raw}.`,
      );
    } else sheet.rowLists.set(row, token.name);
  }
  for (const row of sheet.xml.rows) {
    if (sheet.rowLists.has(row.index) && row.cells.some((cell) => /<f\b[^>]*\bt="shared"/.test(cell.inner))) {
      structure.problems.push(
        `Row ${row.index} of sheet "${sheet.name}" repeats and holds a shared formula; type the formula into each cell of the row instead.`,
      );
    }
  }
  structure.uses.push(
    ...found.map(({ token, row, col }): PlaceholderUse => ({
      token,
      where: `${sheet.name}!${cellName(col, row)}`,
      rowList: sheet.rowLists.get(row) ?? null,
      columnList: sheet.column?.col === col ? sheet.column.list : null,
    })),
  );
}

/** The parts a fill rewrites, each named as the coach knows it: the list of sheets, sheet "RACI"… */
export function workbookPartNames(pkg: OoxmlPackage): Map<string, string> {
  const workbook = readText(pkg.entries, pkg.mainPart) ?? '';
  const rels = readRelationships(pkg.entries, pkg.mainPart);
  const parts = new Map([[pkg.mainPart, 'the list of sheets']]);
  for (const tag of tagsNamed(workbook, 'sheet')) {
    const rel = rels.find((r) => r.id === attribute(tag, 'r:id'));
    if (rel?.type.endsWith('/worksheet')) parts.set(rel.target, `sheet "${attribute(tag, 'name') ?? ''}"`);
  }
  for (const rel of rels)
    if (rel.type.endsWith('/sharedStrings')) parts.set(rel.target, 'the text shared by the sheets');
  return parts;
}

export function readXlsxTemplate(pkg: OoxmlPackage, kind: TemplateKind): XlsxTemplate {
  const workbook = readText(pkg.entries, pkg.mainPart) ?? '';
  const rels = readRelationships(pkg.entries, pkg.mainPart);
  const sharedStrings = readSharedStrings(pkg);
  const structure: TemplateStructure = { uses: [], problems: [] };
  const sheets: XlsxSheet[] = [];
  for (const tag of tagsNamed(workbook, 'sheet')) {
    const rel = rels.find((r) => r.id === attribute(tag, 'r:id'));
    if (!rel || !rel.type.endsWith('/worksheet') || !pkg.entries.has(rel.target)) continue;
    sheets.push({
      name: attribute(tag, 'name') ?? '',
      path: rel.target,
      xml: parseSheet(readText(pkg.entries, rel.target) ?? ''),
      rowLists: new Map(),
      column: null,
      tables: readRelationships(pkg.entries, rel.target)
        .filter((r) => r.type.endsWith('/table') && pkg.entries.has(r.target))
        .map((r) => r.target),
    });
  }
  structure.problems.push(
    ...missingSheetProblems(
      kind,
      sheets.map((sheet) => sheet.name),
    ),
  );
  for (const sheet of sheets) analyseSheet(kind, sheet, sharedStrings, structure);
  return { pkg, workbook, sheets, sharedStrings, ...readCellStyles(pkg), structure };
}
