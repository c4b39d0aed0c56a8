// Repeats one row or column of a sheet and moves everything that points below or right of it:
// merged cells, data validations (so each copy keeps its dropdown), conditional formats,
// hyperlinks, column widths, page breaks, formulas in every sheet and the print area.
import { decodeXml, escapeXml } from '../xml-text';
import { mapSpan, parseCellName, transformRef, transformRefInCopy, transformSqref, type Expansion } from './cell-refs';
import { copyFormula, shiftFormula } from './formula-refs';
import type { SheetRow } from './sheet-xml';

export type WorkbookState = {
  workbook: string;
  sheets: { name: string; before: string; rows: SheetRow[]; after: string; tables: Map<string, string> }[];
};

const formulaPattern = /<f\b([^>]*)>([^<]*)<\/f>/;

function rewriteFormula(
  inner: string,
  rewrite: (formula: string) => string,
  refAttribute?: (ref: string) => string,
): string {
  return inner.replace(formulaPattern, (_all, attrs: string, text: string) => {
    const newAttrs = refAttribute
      ? attrs.replace(/\bref="([^"]*)"/, (_a, ref: string) => `ref="${refAttribute(ref)}"`)
      : attrs;
    return `<f${newAttrs}>${escapeXml(rewrite(decodeXml(text)))}</f>`;
  });
}

/** The line of `axis` holding the top-left cell of a format's or validation's first area. */
function anchorLine(sqref: string, axis: Expansion['axis']): number | null {
  const first = parseCellName(sqref.trim().split(/[\s:]/)[0]);
  return first && (axis === 'row' ? first.row : first.col);
}

/**
 * Removes the elements whose range vanished, transforms the others. Their formulas are written for
 * the top-left cell of the range: anchored on the repeated line they read as in its first copy (a
 * relative reference to the line then means "this copy's line" in every copy), anchored elsewhere
 * they move as any formula outside the line does.
 */
function transformElements(xml: string, element: RegExp, e: Expansion, sheetName: string): string {
  return xml.replace(element, (whole) => {
    const sqref = /\bsqref="([^"]*)"/.exec(whole) ?? /<xm:sqref>([^<]*)<\/xm:sqref>/.exec(whole);
    if (!sqref) return whole;
    const moved = transformSqref(sqref[1], e);
    if (!moved) return '';
    const rewrite =
      anchorLine(sqref[1], e.axis) === e.at
        ? (formula: string) => copyFormula(formula, sheetName, e, 0)
        : (formula: string) => shiftFormula(formula, sheetName, sheetName, e);
    return whole
      .replace(sqref[0], sqref[0].replace(sqref[1], moved))
      .replace(
        /(<(formula[12]?|xm:f)>)([^<]*)(<\/\2>)/g,
        (_all, open: string, _name: string, text: string, close: string) =>
          `${open}${escapeXml(rewrite(decodeXml(text)))}${close}`,
      );
  });
}

/** Keeps a container's count attribute true, and drops the container once it is empty. */
function recount(xml: string, container: string, child: string): string {
  return xml.replace(new RegExp(`<${container}\\b[^>]*>([\\s\\S]*?)</${container}>`), (whole, inside: string) => {
    const count = (inside.match(new RegExp(`<${child}\\b`, 'g')) ?? []).length;
    return count === 0 ? '' : whole.replace(/\bcount="\d+"/, `count="${count}"`);
  });
}

function transformSheetParts(xml: string, e: Expansion, sheetName: string): string {
  let result = xml
    .replace(/<mergeCell ref="([^"]*)"\s*\/>/g, (_all, ref: string) => {
      const moved = transformRef(ref, e);
      return moved ? `<mergeCell ref="${moved}"/>` : '';
    })
    .replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const ref = /\bref="([^"]*)"/.exec(tag);
      const moved = ref && transformRef(ref[1], e);
      return !ref ? tag : moved ? tag.replace(ref[0], `ref="${moved}"`) : '';
    })
    .replace(
      /(<(?:autoFilter|pane)\b[^>]*\b(?:ref|topLeftCell)=")([^"]*)"/g,
      (_all, head: string, ref: string) => `${head}${transformRef(ref, e) ?? ref}"`,
    )
    .replace(
      /(<selection\b[^>]*\bsqref=")([^"]*)"/g,
      (_all, head: string, ref: string) => `${head}${transformSqref(ref, e) || 'A1'}"`,
    );
  result = transformElements(result, /<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g, e, sheetName);
  result = transformElements(result, /<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g, e, sheetName);
  result = transformElements(
    result,
    /<x14:(dataValidation|conditionalFormatting)\b[^>]*>[\s\S]*?<\/x14:\1>/g,
    e,
    sheetName,
  );
  result = recount(result, 'dataValidations', 'dataValidation');
  result = recount(result, 'mergeCells', 'mergeCell');
  if (e.axis === 'col') {
    result = result.replace(/<col\b[^>]*\/>/g, (tag) => {
      const min = Number(/\bmin="(\d+)"/.exec(tag)?.[1]);
      const max = Number(/\bmax="(\d+)"/.exec(tag)?.[1]);
      const span = mapSpan(min, max, e);
      return span ? tag.replace(/\bmin="\d+"/, `min="${span[0]}"`).replace(/\bmax="\d+"/, `max="${span[1]}"`) : '';
    });
  }
  const breaks = e.axis === 'row' ? 'rowBreaks' : 'colBreaks';
  result = result.replace(new RegExp(`<${breaks}\\b[\\s\\S]*?</${breaks}>`), (section) =>
    section.replace(
      /(<brk\b[^>]*\bid=")(\d+)"/g,
      (_all, head: string, id: string) => `${head}${mapSpan(Number(id), Number(id), e)?.[0] ?? id}"`,
    ),
  );
  return result;
}

/**
 * Moves every reference into sheet `target` for the expansion `e`, except in the formulas of the
 * repeated line itself: the caller copies that line afterwards, and each copy places its own.
 */
export function moveReferences(state: WorkbookState, target: number, e: Expansion): void {
  const targetName = state.sheets[target].name;
  state.sheets.forEach((sheet, index) => {
    for (const row of sheet.rows) {
      for (const cell of row.cells) {
        if (!cell.inner.includes('<f')) continue;
        if (index === target && (e.axis === 'row' ? row.index : cell.col) === e.at) continue;
        cell.inner = rewriteFormula(
          cell.inner,
          (formula) => shiftFormula(formula, sheet.name, targetName, e),
          index === target ? (ref) => transformRef(ref, e) ?? ref : undefined,
        );
      }
    }
  });
  const sheet = state.sheets[target];
  sheet.before = transformSheetParts(sheet.before, e, sheet.name);
  sheet.after = transformSheetParts(sheet.after, e, sheet.name);
  for (const [path, xml] of sheet.tables) {
    sheet.tables.set(
      path,
      xml.replace(
        /(<(?:table|autoFilter)\b[^>]*\bref=")([^"]*)"/g,
        (_all, head: string, ref: string) => `${head}${transformRef(ref, e) ?? ref}"`,
      ),
    );
  }
  state.workbook = state.workbook.replace(
    /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
    (_all, open: string, text: string, close: string) =>
      `${open}${escapeXml(shiftFormula(decodeXml(text), '\u0000', targetName, e))}${close}`,
  );
}

/** A cell of the repeated line as it reads in copy number `offset`. */
function copyCell(inner: string, sheetName: string, e: Expansion, offset: number): string {
  if (!inner.includes('<f')) return inner;
  return rewriteFormula(
    inner,
    (formula) => copyFormula(formula, sheetName, e, offset),
    (ref) => transformRefInCopy(ref, e, offset) ?? ref,
  );
}

/** Row `at` becomes one copy per item; rows below move down. */
export function repeatRow(rows: SheetRow[], sheetName: string, at: number, list: string, count: number): SheetRow[] {
  const e: Expansion = { axis: 'row', at, count };
  const result: SheetRow[] = [];
  for (const row of rows) {
    if (row.index < at) result.push(row);
    else if (row.index > at) result.push({ ...row, index: row.index + count - 1 });
    else {
      for (let i = 0; i < count; i++) {
        result.push({
          ...row,
          index: at + i,
          item: { list, index: i },
          cells: row.cells.map((cell) => ({ ...cell, inner: copyCell(cell.inner, sheetName, e, i) })),
        });
      }
    }
  }
  return result;
}

/** Column `at` becomes one copy per item in every row; columns to its right move along. */
export function repeatColumn(rows: SheetRow[], sheetName: string, at: number, count: number): SheetRow[] {
  const e: Expansion = { axis: 'col', at, count };
  return rows.map((row) => ({
    ...row,
    cells: row.cells.flatMap((cell) => {
      if (cell.col < at) return [cell];
      if (cell.col > at) return [{ ...cell, col: cell.col + count - 1 }];
      return Array.from({ length: count }, (_, j) => ({
        ...cell,
        col: at + j,
        columnIndex: j,
        inner: copyCell(cell.inner, sheetName, e, j),
      }));
    }),
  }));
}
