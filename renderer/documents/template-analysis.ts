// What reading a template's structure yields, for Word and Excel alike: where each placeholder
// sits (and in which repeated row or column), and the problems of structure found on the way.
import type { PlaceholderToken } from './placeholders';

export type PlaceholderUse = {
  token: PlaceholderToken;
  /** Where a coach finds it: "the document body", "the footer", "Commitments!B6". */
  where: string;
  /** The list whose marked row holds this placeholder. */
  rowList: string | null;
  /** The list whose marked column holds this placeholder (Excel only). */
  columnList: string | null;
};

export type TemplateStructure = {
  uses: PlaceholderUse[];
  /** Problems that stop the template from being filled, phrased for the coach. */
  problems: string[];
};

/** The problem of a part that is not whole XML: a document filled from it would not open. */
export const damagedPart = (where: string, app: 'Word' | 'Excel') =>
  `The file is damaged: ${where} is cut short or is not valid XML. Open it in ${app}, save it, and import it again.`;

/** Start and end offsets of every element named `tag` in `xml`, nesting respected. */
export function elementRanges(xml: string, tag: string): { start: number; end: number }[] {
  const pattern = new RegExp(`<${tag}(?=[\\s>/])[^>]*?(/?)>|</${tag}>`, 'g');
  const open: { start: number }[] = [];
  const ranges: { start: number; end: number }[] = [];
  for (const match of xml.matchAll(pattern)) {
    if (match[0].startsWith('</')) {
      const started = open.pop();
      if (started) ranges.push({ start: started.start, end: match.index + match[0].length });
    } else if (match[1] === '/') {
      ranges.push({ start: match.index, end: match.index + match[0].length });
    } else {
      open.push({ start: match.index });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
