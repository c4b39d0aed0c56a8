// Moves the references inside Excel formulas when rows or columns of a sheet are repeated, so
// `=COUNTIF(G6:G6,"Met")` under a repeated row 6 counts every copy while `=COUNTA(B6:D6)` in
// that row counts its own copy.
import { transformRef, transformRefInCopy, type Expansion } from './cell-refs';

const sheetPrefix = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!`;
const cell = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const reference = String.raw`${cell}(?::${cell})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+`;
/** A string literal, or a reference with an optional sheet, not glued to a name or a call. */
const tokenPattern = new RegExp(String.raw`"(?:[^"]|"")*"|(?<![\w.$])(?:${sheetPrefix})?(${reference})(?![\w(!])`, 'g');

const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Calls `change(ref)` for every reference in `formula` that points into `targetSheet`, where
 * `formulaSheet` is the sheet the formula lives in; a null answer becomes #REF!.
 */
function rewriteRefs(
  formula: string,
  formulaSheet: string,
  targetSheet: string,
  change: (ref: string) => string | null,
): string {
  return formula.replace(tokenPattern, (token, quoted?: string, bare?: string, ref?: string) => {
    if (ref === undefined) return token;
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? formulaSheet);
    if (!sameSheet(sheet, targetSheet)) return token;
    const changed = change(ref);
    return changed === null ? '#REF!' : token.slice(0, token.length - ref.length) + changed;
  });
}

export function shiftFormula(formula: string, formulaSheet: string, targetSheet: string, e: Expansion): string {
  return rewriteRefs(formula, formulaSheet, targetSheet, (ref) => transformRef(ref, e));
}

/** A formula of the repeated line as it reads in copy number `offset` (see `transformRefInCopy`). */
export function copyFormula(formula: string, sheet: string, e: Expansion, offset: number): string {
  return rewriteRefs(formula, sheet, sheet, (ref) => transformRefInCopy(ref, e, offset));
}
