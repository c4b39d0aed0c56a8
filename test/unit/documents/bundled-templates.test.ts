import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8 } from 'fflate';
import type { TemplateKind } from '../../../shared/model';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { growChecklistData, sessionSummaryData } from '../../../renderer/documents/build-data';
import { catalogue, knownFieldNames } from '../../../renderer/documents/catalogue';
import type { FillData } from '../../../renderer/documents/fill-data';
import { actions, bundle, context, session, uuid } from './fixtures';
import { bundledTemplate } from './template-builders';
import { allText, unzip, wordParagraphs, wordTables, wordText } from './read-back';

function fillBundled(kind: TemplateKind, data: FillData, locale = 'en-GB'): Uint8Array {
  const opened = openTemplate(bundledTemplate(catalogue[kind].bundled), kind, catalogue[kind].bundled);
  if (!opened.ok) throw new Error(opened.error);
  const filled = fillTemplate(opened.value, data, { locale });
  if (!filled.ok) throw new Error(filled.error);
  return filled.value;
}

describe('the bundled GROW checklist', () => {
  const filled = fillBundled('grow-checklist', growChecklistData(bundle, context));

  it('names the participant, date, duration and coach, and holds the four GROW sections with their prompts', () => {
    const text = wordText(filled);
    for (const expected of [
      'Amara Okafor',
      'Head of Clinical Operations',
      '2 November 2026 · 09:30',
      '1 h 15 min',
      '1:1 coaching',
      'Sam Rivera',
    ]) {
      expect(text).toContain(expected);
    }
    for (const [title, field] of [
      ['Goal', session.goal],
      ['Reality', session.reality],
      ['Options', session.options],
      ['Will', session.will],
    ]) {
      const at = wordParagraphs(filled).findIndex((paragraph) => paragraph.startsWith(title));
      expect(wordParagraphs(filled)[at]).toMatch(/\?$/);
      expect(wordParagraphs(filled)[at + 1]).toBe(field);
    }
    expect(text).toContain(session.notes);
    expect(wordText(filled, 'word/footer1.xml')).toBe(
      'Confidential coaching record · Amara Okafor · 2 November 2026\tGROW checklist · page ',
    );
    const footerXml = strFromU8(unzip(filled)['word/footer1.xml']);
    expect(footerXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footerXml, 'LibreOffice leaves a section page total blank').not.toContain('SECTIONPAGES');
    expect(strFromU8(unzip(filled)['word/document.xml'])).toContain('<w:pgNumType w:start="1"/>');
  });

  it('has the three-column action log with one row per action', () => {
    const log = wordTables(filled).find((table) => table[0][0] === 'ACTION & OWNER')!;
    expect(log.map((row) => row.length)).toEqual([3, 3, 3, 3]);
    expect(log[0]).toEqual(['ACTION & OWNER', 'DUE DATE', 'VERIFICATION']);
    expect(log[3]).toEqual([`${actions[2].text}  ·  ${actions[2].owner}`, '13 November 2026', actions[2].verification]);
  });

  it('opens with "Since last time": each earlier action gone over, its due date and what was decided', () => {
    const paragraphs = wordParagraphs(filled);
    const since = paragraphs.findIndex((paragraph) => paragraph.startsWith('Since last time'));
    expect(since).toBeGreaterThan(-1);
    expect(since).toBeLessThan(paragraphs.indexOf('Conversation'));
    const table = wordTables(filled).find((rows) => rows[0][0] === 'EARLIER ACTION & OWNER')!;
    expect(table).toEqual([
      ['EARLIER ACTION & OWNER', 'DUE', 'OUTCOME'],
      ['Name an owner for every Sev-2 escalation  ·  Amara', '23 October 2026', 'Done'],
      ['Hand the rota to the shift leads  ·  Amara', '30 October 2026', 'Blocked: Waiting for HR'],
      ['Ask the COO for a monthly 1:1  ·  Amara', '16 November 2026', 'Carried forward'],
    ]);
  });

  it('names the next session in the details strip under the title', () => {
    const strip = wordTables(filled).find((table) => table[0][0].startsWith('DATE'))!;
    expect(strip[0].at(-1)).toBe('NEXT SESSION\n16 November 2026 09:30');
  });

  it('grows to 300 actions and keeps at least three rows to write in', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...actions[0],
      id: uuid(),
      text: `Action ${i + 1}`,
      createdAt: i,
    }));
    const rows = (data: FillData) =>
      wordTables(fillBundled('grow-checklist', data)).find((t) => t[0][0] === 'ACTION & OWNER')!.length - 1;
    expect(rows(growChecklistData({ ...bundle, actions: many }, context))).toBe(300);
    expect(rows(growChecklistData({ ...bundle, actions: [] }, context))).toBe(3);
  });
});

describe('the bundled session summary', () => {
  const filled = fillBundled('session-summary', sessionSummaryData(bundle, context), 'en-US');

  it('holds the Will section and the agreed actions', () => {
    const text = wordText(filled);
    expect(text).toContain(session.will);
    expect(text).toContain('November 2, 2026 · 1 h 15 min');
    const table = wordTables(filled).find((t) => t[0][1] === 'ACTION')!;
    expect(table.slice(1).map((row) => row.slice(0, 3))).toEqual(
      actions.map((a, i) => [String(i + 1), a.text, a.owner]),
    );
  });

  it('never holds the private notes, anywhere in the package', () => {
    const everything = allText(filled);
    expect(everything).not.toMatch(/PRIVATE-/);
    for (const secret of [session.goal, session.reality, session.options, session.notes, bundle.participant.notes]) {
      expect(everything).not.toContain(secret.slice(0, 30));
    }
  });

  it('lists what was completed since last time, and when the next session is', () => {
    const completed = wordTables(filled).find((t) => t[0][0] === 'COMPLETED')!;
    expect(completed).toEqual([
      ['COMPLETED', 'OWNER'],
      ['✓ Name an owner for every Sev-2 escalation', 'Amara'],
    ]);
    expect(wordText(filled)).toContain('November 16, 2026 09:30');
  });

  it('has an empty completed list and no next session when there is nothing to follow up', () => {
    const quiet = fillBundled(
      'session-summary',
      sessionSummaryData({ ...bundle, followUp: { earlier: [], nextSession: null } }, context),
    );
    expect(wordTables(quiet).find((t) => t[0][0] === 'COMPLETED')).toEqual([['COMPLETED', 'OWNER']]);
    expect(wordText(quiet)).not.toContain('November 16');
  });

  it('leaves dropped actions out of what the leader receives', () => {
    const dropped = { ...actions[1], status: 'dropped' as const };
    const table = wordTables(
      fillBundled('session-summary', sessionSummaryData({ ...bundle, actions: [actions[0], dropped] }, context)),
    ).find((t) => t[0][1] === 'ACTION')!;
    expect(table).toHaveLength(2);
  });
});

describe('Will in the exported documents', () => {
  const logged = { ...actions[0], deletedAt: actions[0].createdAt + 60_000 };
  const will = `- [x] ${logged.text}\n- [logged] ${actions[1].text}\n- [ ] Ask Luis about the night shift`;
  const withWill = { ...bundle, session: { ...session, will }, actions: [logged, actions[1]] };

  it('reads as prose without markers, and leaves out the line of a deleted action', () => {
    for (const filled of [
      fillBundled('session-summary', sessionSummaryData(withWill, context)),
      fillBundled('grow-checklist', growChecklistData(withWill, context)),
    ]) {
      const text = wordText(filled);
      expect(text).not.toMatch(/\[(x|logged| )?\]/);
      expect(text).not.toContain(logged.text);
      expect(text).toContain(actions[1].text);
      expect(text).toContain('Ask Luis about the night shift');
    }
  });
});

describe('templates/README.md', () => {
  it('lists every placeholder the app knows', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../templates/README.md', import.meta.url)), 'utf8');
    for (const kind of Object.keys(catalogue) as TemplateKind[]) {
      for (const name of knownFieldNames(kind)) expect(readme).toContain(`\`{{${name}}}\``);
      for (const list of catalogue[kind].lists) expect(readme).toContain(`{{#${list.name}}}`);
    }
  });
});
