// Word splits what the author typed into runs whenever formatting, spell-check or revision marks
// change mid-word, so `{{participant.name}}` can arrive as `{{partic` + `ipant.na` + `me}}`.
// Excel does the same inside rich-text cells. This module gathers each placeholder back into the
// first text node it started in (keeping that run's formatting) and fills text nodes in place.
import { scanPlaceholders } from './placeholders';
import { decodeXml, escapeXml, tagPattern, withAttribute } from './xml-text';

type TextSyntax = {
  /** The element whose text nodes read as one string: a Word paragraph, an Excel string item. */
  container: string;
  /** The element holding text: `w:t` in Word, `t` in Excel. */
  text: string;
  /** Elements whose text is not part of the string (Excel's phonetic hints). */
  skip: readonly string[];
};

export const wordText: TextSyntax = { container: 'w:p', text: 'w:t', skip: [] };
export const sharedStringText: TextSyntax = { container: 'si', text: 't', skip: ['rPh'] };
export const inlineStringText: TextSyntax = { container: 'is', text: 't', skip: ['rPh'] };

type TextNode = { container: number; openStart: number; openEnd: number; contentEnd: number };

function findTextNodes(xml: string, syntax: TextSyntax): TextNode[] {
  const nodes: TextNode[] = [];
  const containers: number[] = [];
  let nextContainer = 0;
  let skipDepth = 0;
  const closeText = `</${syntax.text}>`;
  const pattern = new RegExp(tagPattern.source, 'g');
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    const [tag, closing, name, selfClosing] = match;
    if (name === syntax.container) {
      if (closing) containers.pop();
      else if (!selfClosing) containers.push(nextContainer++);
    } else if (syntax.skip.includes(name)) {
      if (closing) skipDepth--;
      else if (!selfClosing) skipDepth++;
    } else if (name === syntax.text && !closing && !selfClosing) {
      const openEnd = match.index + tag.length;
      const contentEnd = xml.indexOf(closeText, openEnd);
      if (contentEnd === -1) break;
      if (skipDepth === 0 && containers.length > 0) {
        nodes.push({ container: containers[containers.length - 1], openStart: match.index, openEnd, contentEnd });
      }
      pattern.lastIndex = contentEnd + closeText.length;
    }
  }
  return nodes;
}

/** For each character of the joined text, the node it should live in once placeholders are whole. */
function owners(texts: string[]): number[] | null {
  const joined = texts.join('');
  const owner: number[] = [];
  texts.forEach((text, node) => {
    for (let i = 0; i < text.length; i++) owner.push(node);
  });
  let moved = false;
  for (const token of scanPlaceholders(joined)) {
    const first = owner[token.start];
    for (let i = token.start; i < token.end; i++) {
      if (owner[i] !== first) {
        owner[i] = first;
        moved = true;
      }
    }
  }
  return moved ? owner : null;
}

/** The same XML, with every placeholder whole inside one text node. The visible text is unchanged. */
export function mergeSplitPlaceholders(xml: string, syntax: TextSyntax): string {
  if (!xml.includes('{')) return xml;
  const byContainer = new Map<number, TextNode[]>();
  for (const node of findTextNodes(xml, syntax)) {
    const group = byContainer.get(node.container);
    if (group) group.push(node);
    else byContainer.set(node.container, [node]);
  }
  const edits: { node: TextNode; text: string }[] = [];
  for (const group of byContainer.values()) {
    if (group.length < 2) continue;
    const texts = group.map((node) => decodeXml(xml.slice(node.openEnd, node.contentEnd)));
    if (!texts.join('').includes('{{')) continue;
    const owner = owners(texts);
    if (!owner) continue;
    const rebuilt = texts.map(() => '');
    const joined = texts.join('');
    for (let i = 0; i < joined.length; i++) rebuilt[owner[i]] += joined[i];
    group.forEach((node, i) => {
      if (rebuilt[i] !== texts[i]) edits.push({ node, text: rebuilt[i] });
    });
  }
  edits.sort((a, b) => b.node.openStart - a.node.openStart);
  let result = xml;
  for (const { node, text } of edits) {
    const open = withAttribute(xml.slice(node.openStart, node.openEnd), 'xml:space', 'preserve');
    result = result.slice(0, node.openStart) + open + escapeXml(text) + result.slice(node.contentEnd);
  }
  return result;
}

/**
 * Rewrites each text node's content. `replace` gets the decoded text and returns the new raw XML
 * content (already escaped; it may close and reopen the text element, e.g. for a line break), or
 * null to leave the node alone.
 */
export function rewriteTextNodes(xml: string, textTag: string, replace: (text: string) => string | null): string {
  const pattern = new RegExp(`(<${textTag}(?:\\s[^>]*)?>)([^<]*)(</${textTag}>)`, 'g');
  return xml.replace(pattern, (whole, open: string, content: string, close: string) => {
    if (!content.includes('{{')) return whole;
    const replaced = replace(decodeXml(content));
    if (replaced === null) return whole;
    return withAttribute(open, 'xml:space', 'preserve') + replaced + close;
  });
}

/** The decoded text of every text node in `xml`, in order, with their offsets. */
export function textNodes(xml: string, textTag: string): { text: string; at: number }[] {
  const pattern = new RegExp(`<${textTag}(?:\\s[^>]*)?>([^<]*)</${textTag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => ({ text: decodeXml(match[1]), at: match.index }));
}

/**
 * `text` with its placeholders filled: fields by `valueXml(name)`, list markers removed, literal
 * text escaped. Malformed placeholders never get here: the validator refuses them first.
 */
export function fillText(text: string, valueXml: (name: string) => string): string {
  let output = '';
  let from = 0;
  for (const token of scanPlaceholders(text)) {
    output += escapeXml(text.slice(from, token.start));
    if (token.type === 'field') output += valueXml(token.name);
    else if (token.type === 'malformed') output += escapeXml(text.slice(token.start, token.end));
    from = token.end;
  }
  return output + escapeXml(text.slice(from));
}
