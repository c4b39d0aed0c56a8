import { describe, expect, it } from 'vitest';
import { strFromU8 } from 'fflate';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import type { FillData } from '../../../renderer/documents/fill-data';
import { growChecklistData } from '../../../renderer/documents/build-data';
import { actions, bundle, context, trickyText, uuid } from './fixtures';
import { p, proofingNoise, r, rawDocx, table } from './template-builders';
import { part, unzip, wordParagraphs, wordTables, wordText } from './read-back';

function fill(template: Uint8Array, data: FillData, locale = 'en-GB'): Uint8Array {
  const opened = openTemplate(template, 'grow-checklist', 'test.docx');
  if (!opened.ok) throw new Error(opened.error);
  const filled = fillTemplate(opened.value, data, { locale });
  if (!filled.ok) throw new Error(filled.error);
  return filled.value;
}

const data = (fields: FillData['fields'], lists: FillData['lists'] = {}): FillData => ({ fields, lists });

describe('filling a Word template', () => {
  it('fills a placeholder that Word split over several runs, keeping the first run’s formatting', () => {
    const template = rawDocx(
      p(r('Leader: '), r('{{partic', true), proofingNoise, r('ipant.na'), r('me}}'), r(' — thanks')),
    );
    const filled = fill(template, data({ 'participant.name': 'Amara Okafor' }));
    expect(wordParagraphs(filled)[0]).toBe('Leader: Amara Okafor — thanks');
    const xml = strFromU8(unzip(filled)['word/document.xml']);
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">Amara Okafor<\/w:t><\/w:r>/);
  });

  it('fills a placeholder split the way the docx library writes runs', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun('{{session'), new TextRun({ text: '.da', italics: true }), new TextRun('te}}')],
            }),
          ],
        },
      ],
    });
    const filled = fill(
      new Uint8Array(await Packer.toBuffer(doc)),
      data({ 'session.date': { date: '2026-11-02' } }),
      'en-US',
    );
    expect(wordText(filled)).toBe('November 2, 2026');
  });

  it('writes dates in the coach’s locale', () => {
    const template = rawDocx(p(r('{{session.date}}')));
    const date = { 'session.date': { date: '2026-12-04' as const } };
    expect(wordText(fill(template, data(date), 'en-GB'))).toBe('4 December 2026');
    expect(wordText(fill(template, data(date), 'en-US'))).toBe('December 4, 2026');
    expect(wordText(fill(template, data(date), 'de-DE'))).toBe('4. Dezember 2026');
  });

  it('escapes <&> and keeps emoji, line breaks and tabs', () => {
    const filled = fill(
      rawDocx(p(r('{{session.notes}}'))),
      data({ 'session.notes': `${trickyText}\nline two\tand a tab\u0007` }),
    );
    expect(wordText(filled)).toBe(`${trickyText}\nline two\tand a tab`);
  });

  it('repeats the marked row once per action and removes it when there are none', () => {
    const template = rawDocx(
      table(
        ['Action', 'Due'],
        ['{{#actions}}{{action.number}}. {{action.text}}', '{{action.dueDate}}'],
        ['Total: {{session.duration}}', ''],
      ),
    );
    const items = actions.map((action, i) => ({
      'action.number': i + 1,
      'action.text': action.text,
      'action.dueDate': { date: action.dueDate },
    }));
    const [rows] = wordTables(fill(template, data({ 'session.duration': '1 h' }, { actions: items })));
    expect(rows).toEqual([
      ['Action', 'Due'],
      [`1. ${actions[0].text}`, '6 November 2026'],
      [`2. ${actions[1].text}`, '9 November 2026'],
      [`3. ${actions[2].text}`, '13 November 2026'],
      ['Total: 1 h', ''],
    ]);
    const [empty] = wordTables(fill(template, data({ 'session.duration': '1 h' }, { actions: [] })));
    expect(empty).toEqual([
      ['Action', 'Due'],
      ['Total: 1 h', ''],
    ]);
  });

  it('fills 300 actions, each escaped, in a document Word can parse', () => {
    const template = rawDocx(table(['{{#actions}}{{action.text}}', '{{action.owner}}']));
    const many = Array.from({ length: 300 }, (_, i) => ({
      'action.text': `Step ${i} <&> ${trickyText}`,
      'action.owner': `Owner ${i}`,
    }));
    const [rows] = wordTables(fill(template, data({}, { actions: many })));
    expect(rows).toHaveLength(300);
    expect(rows[299]).toEqual([`Step 299 <&> ${trickyText}`, 'Owner 299']);
  });

  it('keeps no duplicate bookmark or paragraph ids in repeated rows', () => {
    const row = `<w:tr><w:tc><w:p w14:paraId="1A2B3C4D" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:bookmarkStart w:id="7" w:name="row"/>${r('{{#actions}}{{action.text}}')}<w:bookmarkEnd w:id="7"/></w:p></w:tc></w:tr>`;
    const filled = fill(
      rawDocx(`<w:tbl>${row}</w:tbl>`),
      data({}, { actions: [{ 'action.text': 'a' }, { 'action.text': 'b' }] }),
    );
    const xml = strFromU8(unzip(filled)['word/document.xml']);
    expect(xml.match(/w:bookmarkStart/g)).toHaveLength(1);
    expect(xml.match(/w14:paraId/g)).toHaveLength(1);
  });

  it('fills the footer as well as the body', () => {
    const template = rawDocx(p(r('Body')), {
      footer: p(r('Confidential · {{participant.name}} · '), r('{{export.date}}')),
    });
    const filled = fill(template, data({ 'participant.name': 'Amara', 'export.date': { date: '2026-11-02' } }));
    expect(wordText(filled, 'word/footer1.xml')).toBe('Confidential · Amara · 2 November 2026');
    expect(part(filled, '[Content_Types].xml')).toBeTruthy();
  });

  it('turns a .dotx template into an ordinary document', () => {
    const template = rawDocx(p(r('{{participant.name}}')), {
      mainType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
    });
    const types = strFromU8(unzip(fill(template, data({ 'participant.name': 'A' })))['[Content_Types].xml']);
    expect(types).toContain('wordprocessingml.document.main+xml');
  });

  it('treats a value that looks like a placeholder as plain text', () => {
    const sneaky = { ...actions[0], id: uuid(), text: '{{participant.name}} {{#actions}}' };
    const filled = fill(
      rawDocx(table(['{{#actions}}{{action.text}}'])),
      growChecklistData({ ...bundle, actions: [sneaky] }, context),
    );
    expect(wordTables(filled)[0][0]).toEqual(['{{participant.name}} {{#actions}}']);
  });
});
