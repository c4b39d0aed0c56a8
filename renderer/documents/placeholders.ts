// The placeholder grammar shared by Word and Excel templates (documented in templates/README.md):
//   {{participant.name}}   a field: letters, digits and underscores, in parts joined by dots
//   {{#actions}}           a list marker: the table row (Word) or sheet row (Excel) holding it repeats
//                          once per item; in Excel a column list such as {{#roles}} repeats its column
// Spaces just inside the braces are allowed. Anything else between `{{` and `}}` is malformed, and
// a `{{` with no `}}` after it is unclosed; both are reported, never silently filled.

export type PlaceholderToken =
  | { type: 'field'; name: string; raw: string; start: number; end: number }
  | { type: 'list'; name: string; raw: string; start: number; end: number }
  | { type: 'malformed'; raw: string; start: number; end: number; reason: string };

const MAX_PLACEHOLDER_LENGTH = 120;
const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const listPattern = /^#([A-Za-z_][A-Za-z0-9_]*)$/;

function classify(raw: string, start: number, end: number): PlaceholderToken {
  const body = raw.slice(2, -2).trim();
  const list = listPattern.exec(body);
  if (list) return { type: 'list', name: list[1], raw, start, end };
  if (fieldPattern.test(body)) return { type: 'field', name: body, raw, start, end };
  const reason = body.startsWith('/')
    ? 'closing markers are not needed: the row holding {{#list}} repeats on its own'
    : 'a placeholder holds a name made of letters, digits and dots, like {{participant.name}}';
  return { type: 'malformed', raw, start, end, reason };
}

/** Every placeholder in `text`, in order, including the malformed and unclosed ones. */
export function scanPlaceholders(text: string): PlaceholderToken[] {
  const tokens: PlaceholderToken[] = [];
  let from = text.indexOf('{{');
  while (from !== -1) {
    const close = text.indexOf('}}', from + 2);
    const nextOpen = text.indexOf('{{', from + 2);
    const unclosed = close === -1 || (nextOpen !== -1 && nextOpen < close) || close - from > MAX_PLACEHOLDER_LENGTH;
    if (unclosed) {
      const end = Math.min(text.length, from + 2 + 30);
      tokens.push({
        type: 'malformed',
        raw: text.slice(from, end),
        start: from,
        end: from + 2,
        reason: 'this {{ is never closed with }}',
      });
      from = nextOpen;
      continue;
    }
    const end = close + 2;
    tokens.push(classify(text.slice(from, end), from, end));
    from = text.indexOf('{{', end);
  }
  return tokens;
}

/** Whether `text` may hold a placeholder at all; a cheap test before scanning. */
export const mayHoldPlaceholder = (text: string): boolean => text.includes('{{');

/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i ? (j ? 0 : i) : j)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name nearest to `name`, when one is near enough to be what the author meant. */
export function closestName(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return null;
  const tolerance = Math.max(2, Math.floor(best.name.length * 0.34));
  return best.distance <= tolerance ? best.name : null;
}
