import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closestName, scanPlaceholders } from '../../../renderer/documents/placeholders';
import { fillText, mergeSplitPlaceholders, wordText } from '../../../renderer/documents/text-runs';
import { decodeXml } from '../../../renderer/documents/xml-text';
import { knownFieldNames } from '../../../renderer/documents/catalogue';
import { parseXml } from './read-back';

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
const fieldName = fc.array(identifier, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
/** Text that holds no brace at all, including emoji and XML specials. */
const plainText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '.', '<', '&', '>', '"', "'", 'é', '🎯', '\n', '#'),
});

describe('the placeholder grammar', () => {
  it('reads fields, list markers and spaces inside the braces', () => {
    expect(
      scanPlaceholders('Hi {{participant.name}}, {{ session.date }} {{#actions}}').map((t) => [
        t.type,
        'name' in t ? t.name : '',
      ]),
    ).toEqual([
      ['field', 'participant.name'],
      ['field', 'session.date'],
      ['list', 'actions'],
    ]);
  });

  it.each([
    ['{{participant name}}', 'letters, digits and dots'],
    ['{{participant.}}', 'letters, digits and dots'],
    ['{{/actions}}', 'closing markers are not needed'],
    ['Dear {{participant.name', 'never closed'],
    ['{{ {{participant.name}}', 'never closed'],
  ])('reports %s as malformed', (text, reason) => {
    const malformed = scanPlaceholders(text).filter((token) => token.type === 'malformed');
    expect(malformed).toHaveLength(1);
    expect(malformed[0].type === 'malformed' && malformed[0].reason).toContain(reason);
  });

  it('finds a field wherever it sits in text', () => {
    fc.assert(
      fc.property(plainText, fieldName, plainText, (before, name, after) => {
        const tokens = scanPlaceholders(`${before}{{${name}}}${after}`);
        expect(tokens).toEqual([
          { type: 'field', name, raw: `{{${name}}}`, start: before.length, end: before.length + name.length + 4 },
        ]);
      }),
    );
  });

  it('accounts for every {{ in any text, in order and without overlaps', () => {
    const braceHeavy = fc.string({ unit: fc.constantFrom('{', '}', 'a', '.', '#', ' ', '/', '1') });
    fc.assert(
      fc.property(braceHeavy, (text) => {
        const tokens = scanPlaceholders(text);
        tokens.forEach((token, i) => {
          expect(token.start).toBeGreaterThanOrEqual(i ? tokens[i - 1].end : 0);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(token.end).toBeGreaterThan(token.start);
        });
        for (let at = text.indexOf('{{'); at !== -1; at = text.indexOf('{{', at + 1)) {
          expect(tokens.some((token) => token.start <= at && at < token.end)).toBe(true);
        }
      }),
    );
  });

  it('suggests the closest known name for a typo', () => {
    const known = knownFieldNames('grow-checklist');
    expect(closestName('participant.nmae', known)).toBe('participant.name');
    expect(closestName('Participant.Name', known)).toBe('participant.name');
    expect(closestName('session.dat', known)).toBe('session.date');
    expect(closestName('action.duedate', known)).toBe('action.dueDate');
    expect(closestName('quarterly.revenue', known)).toBeNull();
  });

  it('suggests a known name for itself and for any one-letter slip of it', () => {
    const known = knownFieldNames('contract-workbook');
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.nat(), fc.constantFrom('x', 'q', 'z'), (name, at, letter) => {
        expect(closestName(name, known)).toBe(name);
        const i = at % name.length;
        const slipped = name.slice(0, i) + letter + name.slice(i + 1);
        expect(closestName(slipped, known)).not.toBeNull();
      }),
    );
  });
});

describe('filling text', () => {
  it('escapes literal text and values so the XML reads back to exactly what was meant', () => {
    fc.assert(
      fc.property(plainText, plainText, plainText, (before, value, after) => {
        const xml = fillText(`${before}{{x.y}}${after}`, () => escaped(value));
        expect(() => parseXml(`<t>${xml}</t>`)).not.toThrow();
        expect(decodeXml(xml)).toBe(before + value + after);
      }),
    );
  });
});

const escaped = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

describe('placeholders split across Word runs', () => {
  const run = (text: string, i: number) =>
    `<w:r>${i % 2 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t>${escaped(text)}</w:t></w:r>`;

  it('gathers a placeholder split over runs into its first run and keeps the visible text', () => {
    const paragraph = `<w:p>${['Dear {{partic', 'ipant.na', 'me}}, see {{session', '.date}}'].map(run).join('<w:proofErr w:type="spellStart"/>')}</w:p>`;
    const merged = mergeSplitPlaceholders(paragraph, wordText);
    const texts = [...merged.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual(['Dear {{participant.name}}', '', ', see {{session.date}}', '']);
  });

  it('keeps the text and makes every placeholder whole, however the runs are cut', () => {
    const pieces = fc.array(
      fc.oneof(
        plainText,
        fieldName.map((name) => `{{${name}}}`),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(pieces, fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        // Word cuts runs between characters, never inside one (an emoji is two UTF-16 units).
        const chars = Array.from(text);
        const points = [...new Set(cuts.map((cut) => cut % (chars.length + 1)))].sort((a, b) => a - b);
        const runs = [...points, chars.length].map((end, i, ends) => chars.slice(i ? ends[i - 1] : 0, end).join(''));
        const merged = mergeSplitPlaceholders(`<w:p>${runs.map(run).join('')}</w:p>`, wordText);
        const nodes = [...merged.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]));
        expect(nodes.join('')).toBe(text);
        const whole = nodes.flatMap((node) =>
          scanPlaceholders(node)
            .filter((t) => t.type === 'field')
            .map((t) => t.raw),
        );
        expect(whole).toEqual(
          scanPlaceholders(text)
            .filter((t) => t.type === 'field')
            .map((t) => t.raw),
        );
      }),
    );
  });
});
