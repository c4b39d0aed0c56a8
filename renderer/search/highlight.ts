// Cuts a short excerpt around the first word that starts with a query term and splits it into
// plain and matched pieces, so the UI renders matches as <mark> without ever treating text as HTML.
export type TextPiece = { text: string; match: boolean };

const escapeForRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words that begin with one of the terms, as the index matches them. */
function wordsStartingWith(terms: string[], flags: string): RegExp {
  const alternatives = terms.map(escapeForRegExp).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])((?:${alternatives})[\\p{L}\\p{N}]*)`, flags);
}

export function queryTerms(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean);
}

export function highlight(text: string, terms: string[], context = 60): TextPiece[] {
  const usable = terms.filter((term) => term.length > 0);
  if (usable.length === 0) return [{ text: text.slice(0, context * 2).replace(/\s+/g, ' '), match: false }];
  const first = Math.max(0, text.search(wordsStartingWith(usable, 'iu')));
  const start = first <= context ? 0 : first - context;
  const end = Math.min(text.length, first + context * 2);
  const excerpt = (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : '');
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const found of excerpt.matchAll(wordsStartingWith(usable, 'giu'))) {
    if (found.index > last) pieces.push({ text: excerpt.slice(last, found.index), match: false });
    pieces.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < excerpt.length) pieces.push({ text: excerpt.slice(last), match: false });
  return pieces;
}
