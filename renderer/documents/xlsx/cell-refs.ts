// A1 references and what happens to them when one row or column of a sheet becomes several
// (a repeated row) or none (a list with no items).

type Axis = 'row' | 'col';

/** Line `at` (1-based) of `axis` becomes `count` lines; everything after it moves by count − 1. */
export type Expansion = { axis: Axis; at: number; count: number };

function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export const cellName = (col: number, row: number) => `${columnLetters(col)}${row}`;

export function parseCellName(ref: string): { col: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return match ? { col: columnNumber(match[1]), row: Number(match[2]) } : null;
}

/** Where a span [start, end] of lines lands, or null when all its lines were removed. */
export function mapSpan(start: number, end: number, e: Expansion): [number, number] | null {
  const moved = (p: number) => (p > e.at ? p + e.count - 1 : p);
  const newStart = moved(start);
  const newEnd = end === e.at ? e.at + e.count - 1 : moved(end);
  return newEnd < newStart ? null : [newStart, newEnd];
}

type RefPart = { dollar: string; letters?: string; digits?: string };

const endpointPattern = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/;

function splitEndpoint(text: string): { col?: RefPart; row?: RefPart } | null {
  const match = endpointPattern.exec(text);
  if (!match || (!match[2] && !match[4])) return null;
  return {
    col: match[2] ? { dollar: match[1], letters: match[2] } : undefined,
    row: match[4] ? { dollar: match[2] ? match[3] : match[1], digits: match[4] } : undefined,
  };
}

function joinEndpoint(parts: { col?: RefPart; row?: RefPart }): string {
  const col = parts.col ? `${parts.col.dollar}${parts.col.letters}` : '';
  const row = parts.row ? `${parts.row.dollar}${parts.row.digits}` : '';
  return col + row;
}

type Endpoint = { line: number; absolute: boolean };

/**
 * Rewrites the two ends of a reference along `axis`; `place` answers their new lines, or null when
 * the reference is gone. References that do not name a line on that axis stay as they are.
 */
function rewriteRef(
  ref: string,
  axis: Axis,
  place: (start: Endpoint, end: Endpoint, isRange: boolean) => [number, number] | null,
): string | null {
  const [startText, endText = startText] = ref.split(':');
  const start = splitEndpoint(startText);
  const end = splitEndpoint(endText);
  if (!start || !end) return ref;
  const key = axis === 'row' ? 'row' : 'col';
  const a = start[key];
  const b = end[key];
  if (!a || !b) return ref;
  const read = (part: RefPart): Endpoint => ({
    line: axis === 'row' ? Number(part.digits) : columnNumber(part.letters!),
    absolute: part.dollar === '$',
  });
  const write = (part: RefPart, n: number): RefPart =>
    axis === 'row' ? { ...part, digits: String(n) } : { ...part, letters: columnLetters(n) };
  const isRange = ref.includes(':');
  const span = place(read(a), read(b), isRange);
  if (!span) return null;
  const newStart = joinEndpoint({ ...start, [key]: write(a, span[0]) });
  if (!isRange) return newStart;
  return `${newStart}:${joinEndpoint({ ...end, [key]: write(b, span[1]) })}`;
}

/**
 * One reference (`B6`, `$A$5:$G$9`, `A:C`, `5:9`) after an expansion, seen from outside the
 * repeated line: a range covering the line grows with it; null when it pointed only at removed
 * lines.
 */
export function transformRef(ref: string, e: Expansion): string | null {
  return rewriteRef(ref, e.axis, (start, end, isRange) => mapSpan(start.line, isRange ? end.line : start.line, e));
}

/**
 * One reference in the copy number `offset` of the repeated line, as when Excel fills a formula
 * down (or right): a relative end on the line follows the copy, so `B7:D7` in copy 2 reads
 * `B9:D9`; an absolute end (`B$7`) stays on the first copy, and when it closes a range it stands
 * for the whole block and closes it at the last copy; ends elsewhere move as from outside.
 */
export function transformRefInCopy(ref: string, e: Expansion, offset: number): string | null {
  const last = e.at + e.count - 1;
  const moved = (line: number) => (line > e.at ? line + e.count - 1 : line);
  return rewriteRef(ref, e.axis, (start, end, isRange) => {
    const place = (p: Endpoint, closesRange: boolean) =>
      p.line !== e.at ? moved(p.line) : !p.absolute ? e.at + offset : closesRange ? last : e.at;
    return [place(start, false), place(end, isRange)];
  });
}

/** A space-separated list of areas (`sqref`): a single cell is an area too, and grows with its line. */
export function transformSqref(sqref: string, e: Expansion): string {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((ref) => transformRef(ref.includes(':') ? ref : `${ref}:${ref}`, e))
    .filter((ref): ref is string => ref !== null)
    .map((ref) => {
      const [start, end] = ref.split(':');
      return start === end ? start : ref;
    })
    .join(' ');
}
