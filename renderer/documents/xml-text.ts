// Text as it sits inside XML parts: escaping, decoding, and the characters XML 1.0 cannot hold.
import { DOMParser } from '@xmldom/xmldom';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters XML 1.0 forbids (control characters, lone surrogates); Word refuses a file holding one. */
const invalidXmlChars = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function stripInvalidXmlChars(text: string): string {
  return text.replace(invalidXmlChars, '');
}

/** Escapes text for element content or a double-quoted attribute, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (char) => escapes[char]);
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** The value of one attribute in an opening tag's text, decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[2] ?? match[3]) : undefined;
}

/** The opening tag with one attribute set (added, or replaced when present). */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  if (pattern.test(tag)) return tag.replace(pattern, (_all, prefix: string) => `${prefix}${quoted}`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}=${quoted}$1>`);
}

/** The opening tag without one attribute. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/**
 * Matches one tag (opening, closing or self-closing) whose attribute values may hold `>`.
 * Groups: 1 closing slash, 2 name, 3 self-closing slash.
 */
export const tagPattern = /<(\/)?([A-Za-z_][\w.:-]*)(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/)?>/g;

/**
 * Whether `xml` is well-formed XML with its namespaces declared, read by a strict parser: a part
 * cut short or damaged fails, and a document filled from it would not open in Word or Excel.
 */
export function isWellFormedXml(xml: string): boolean {
  let wellFormed = true;
  const parser = new DOMParser({
    onError: (level) => {
      if (level !== 'warning') wellFormed = false;
    },
  });
  try {
    parser.parseFromString(xml, 'text/xml');
  } catch {
    return false;
  }
  return wellFormed;
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export const encodeUtf8 = (text: string): Uint8Array => utf8Encoder.encode(text);
export const decodeUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);
