import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkTemplateFile, openTemplate, readinessProblem } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { growChecklistData, sessionSummaryData } from '../../../renderer/documents/build-data';
import { MAX_TEMPLATE_BYTES } from '../../../shared/model';
import { bundle, context } from './fixtures';
import { bundledTemplate, p, r, rawDocx, table, workbookBytes } from './template-builders';
import { parseXml } from './read-back';

const refusal = (result: ReturnType<typeof openTemplate>) => (result.ok ? 'opened' : result.error);

function reportOf(bytes: Uint8Array, kind: Parameters<typeof openTemplate>[1] = 'grow-checklist') {
  const opened = openTemplate(bytes, kind, 'mine.docx');
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

/** Overwrites the uncompressed size the central directory claims for every entry. */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at < copy.length - 4; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return copy;
}

describe('refusing files that cannot be templates', () => {
  it('says plainly when a file is not a zip at all', () => {
    expect(refusal(openTemplate(strToU8('Dear {{participant.name}}'), 'grow-checklist', 'notes.txt'))).toMatch(
      /not a Word \(\.docx\) or Excel/,
    );
    const legacy = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(refusal(openTemplate(legacy, 'grow-checklist', 'old.doc'))).toMatch(
      /older Word or Excel file.*Save it as \.docx/,
    );
  });

  it('refuses a file over 20 MB before unpacking it', () => {
    expect(refusal(openTemplate(new Uint8Array(MAX_TEMPLATE_BYTES + 1), 'grow-checklist', 'huge.docx'))).toMatch(
      /20\.1 MB, over the 20 MB a template may be/,
    );
  });

  it('refuses a zip bomb by what it claims, by its ratio, and by what it really inflates to', () => {
    const small = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    expect(refusal(openTemplate(claimSize(small, 150 * 1024 * 1024), 'grow-checklist'))).toMatch(/zip bomb/);
    const zeros = zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024) });
    expect(refusal(openTemplate(zeros, 'grow-checklist'))).toMatch(/zip bomb/);
    const lying = claimSize(zipSync({ 'a.xml': new Uint8Array(600 * 1024) }), 1000);
    expect(refusal(openTemplate(lying, 'grow-checklist'))).toMatch(/longer than its header says/);
  });

  it('refuses macro-enabled files by name and by content, saying why', () => {
    const docx = bundledTemplate('1to1-GROW-Checklist.docx');
    expect(refusal(openTemplate(docx, 'grow-checklist', 'Checklist.docm'))).toMatch(/macro-enabled.*run code/);
    const withVba = rawDocx(p(r('Hi')), {
      extraEntries: { 'word/vbaProject.bin': 'VBA' },
      extraContentTypes:
        '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    });
    expect(refusal(openTemplate(withVba, 'grow-checklist', 'innocent.docx'))).toMatch(
      /contains macros.*Save it as a plain Word Document/,
    );
    const macroType = rawDocx(p(r('Hi')), { mainType: 'application/vnd.ms-word.document.macroEnabled.main+xml' });
    expect(refusal(openTemplate(macroType, 'grow-checklist', 'x.docx'))).toMatch(/contains macros/);
  });

  it('refuses the wrong format and a workbook without the expected sheets', async () => {
    const docx = bundledTemplate('1to1-GROW-Checklist.docx');
    expect(refusal(openTemplate(docx, 'contract-workbook', 'x.docx'))).toMatch(
      /must be an Excel workbook \(\.xlsx\); this file is a Word document/,
    );
    const oneSheet = await workbookBytes((workbook) => {
      workbook.addWorksheet('Commitments').getCell('A1').value = '{{contract.title}}';
    });
    expect(refusal(openTemplate(oneSheet, 'contract-workbook', 'mine.xlsx'))).toBe(
      'This workbook has no sheet named "RACI". The accountability contract template needs the sheets "Commitments" and "RACI"; this one has "Commitments".',
    );
  });

  it('refuses at import a Word or Excel file whose XML is cut short or damaged, naming the part as the coach knows it', async () => {
    const docx = unzipSync(rawDocx(p(r('Leader: {{participant.name}}'))));
    const body = strFromU8(docx['word/document.xml']);
    docx['word/document.xml'] = strToU8(body.slice(0, body.indexOf('</w:p>') + '</w:p>'.length));
    expect(refusal(checkTemplateFile(zipSync(docx), 'grow-checklist', 'mine.docx'))).toBe(
      'The file is damaged: the document body is cut short or is not valid XML. Open it in Word, save it, and import it again.',
    );

    const xlsx = unzipSync(
      await workbookBytes((workbook) => {
        workbook.addWorksheet('Commitments').getCell('A1').value = '{{contract.title}}';
        workbook.addWorksheet('RACI');
      }),
    );
    const sheet = Object.keys(xlsx).find((path) => path.endsWith('worksheets/sheet1.xml'))!;
    const cells = strFromU8(xlsx[sheet]);
    xlsx[sheet] = strToU8(cells.slice(0, cells.indexOf('</sheetData>') + '</sheetData>'.length));
    expect(refusal(checkTemplateFile(zipSync(xlsx), 'contract-workbook', 'mine.xlsx'))).toBe(
      'The file is damaged: sheet "Commitments" is cut short or is not valid XML. Open it in Excel, save it, and import it again.',
    );

    // A part the fill copies as it is (the styles) would leave the filled document unopenable too.
    const bundled = unzipSync(bundledTemplate('1to1-GROW-Checklist.docx'));
    const styles = strFromU8(bundled['word/styles.xml']);
    bundled['word/styles.xml'] = strToU8(styles.replace('</w:style>', '</w:stylx>'));
    expect(refusal(checkTemplateFile(zipSync(bundled), 'grow-checklist', 'mine.docx'))).toBe(
      'The file is damaged: its part word/styles.xml is cut short or is not valid XML. Open it in Word, save it, and import it again.',
    );
  });

  it('refuses a list marker outside a table row in Word', () => {
    expect(refusal(openTemplate(rawDocx(p(r('{{#actions}}{{action.text}}'))), 'grow-checklist'))).toMatch(
      /\{\{#actions\}\} in the document body is not inside a table row/,
    );
  });
});

describe('checking the placeholders of a template', () => {
  it('marks an unknown name with the closest known one and refuses to fill until it is fixed', () => {
    const template = reportOf(rawDocx(p(r('Dear {{participant.nmae}}, on {{session.date}}'))));
    expect(template.report.placeholders).toEqual([
      expect.objectContaining({
        text: '{{participant.nmae}}',
        status: 'unknown',
        suggestion: '{{participant.name}}',
        where: ['the document body'],
      }),
      expect.objectContaining({ text: '{{session.date}}', status: 'known' }),
    ]);
    const filled = fillTemplate(template, growChecklistData(bundle, context), { locale: 'en-GB' });
    expect(filled.ok ? '' : filled.error).toMatch(
      /\{\{participant\.nmae\}\}.*did you mean \{\{participant\.name\}\}\?/,
    );
  });

  it('reports an unclosed {{ and a malformed placeholder', () => {
    const template = reportOf(rawDocx(p(r('Dear {{participant.name and {{session date}}'))));
    expect(template.report.placeholders.map((f) => [f.status, f.message])).toEqual([
      ['malformed', expect.stringContaining('never closed')],
      ['malformed', expect.stringContaining('letters, digits and dots')],
    ]);
    expect(readinessProblem(template.report)).toMatch(/\(and 1 more problem\)\.$/);
  });

  it('refuses private fields in a session summary but allows them in the coach’s checklist', () => {
    const body = p(r('{{session.goal}} {{session.will}} {{participant.notes}}'));
    const summary = reportOf(rawDocx(body), 'session-summary');
    expect(summary.report.placeholders.map((f) => [f.text, f.status])).toEqual([
      ['{{session.goal}}', 'private'],
      ['{{session.will}}', 'known'],
      ['{{participant.notes}}', 'private'],
    ]);
    expect(fillTemplate(summary, sessionSummaryData(bundle, context), { locale: 'en-GB' }).ok).toBe(false);
    const checklist = reportOf(rawDocx(body), 'grow-checklist');
    expect(checklist.report.placeholders.map((f) => f.status)).toEqual(['known', 'known', 'private']);
  });

  it('says where an item field belongs when it is used outside its row', () => {
    const template = reportOf(
      rawDocx(p(r('{{action.text}}')) + table(['{{#actions}}{{action.text}}', '{{action.dueDate}}'])),
    );
    expect(template.report.placeholders[0]).toMatchObject({
      status: 'misplaced',
      message: expect.stringContaining('inside the row marked {{#actions}}'),
    });
    expect(template.report.placeholders.slice(1).every((f) => f.status === 'known')).toBe(true);
  });

  it('finds the bundled templates ready, with no unknown placeholders', () => {
    const kinds = [
      ['grow-checklist', '1to1-GROW-Checklist.docx'],
      ['session-summary', 'Session-Summary.docx'],
      ['contract-workbook', 'Accountability-Contract.xlsx'],
    ] as const;
    for (const [kind, name] of kinds) {
      const opened = openTemplate(bundledTemplate(name), kind, name);
      expect(opened.ok && opened.value.report.ready).toBe(true);
    }
  });
});

describe('the validator against random and corrupted input', () => {
  const originals = [bundledTemplate('1to1-GROW-Checklist.docx'), bundledTemplate('Accountability-Contract.xlsx')];
  const kindOf = (i: number) => (i === 0 ? 'grow-checklist' : 'contract-workbook');

  it('never throws on random bytes, and refuses them with a message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = openTemplate(bytes, 'grow-checklist', 'random.docx');
        expect(result.ok ? 'opened' : result.error.length > 10).toBe(true);
      }),
    );
  });

  it('never throws on a corrupted real template: it imports and fills it into files that parse, or says what is wrong', () => {
    const corruption = fc.record({
      which: fc.integer({ min: 0, max: 1 }),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(corruption, ({ which, flips, cut }) => {
        let bytes = originals[which].slice();
        for (const [at, xor] of flips) bytes[at % bytes.length] ^= xor;
        if (cut !== undefined) bytes = bytes.slice(0, cut % bytes.length);
        const opened = checkTemplateFile(bytes, kindOf(which), 'corrupt');
        if (!opened.ok) {
          expect(opened.error).toMatch(/\w{3}/);
          return;
        }
        const filled = fillTemplate(opened.value, growChecklistData(bundle, context), { locale: 'en-GB' });
        if (!filled.ok) {
          expect(filled.error).toMatch(/\w{3}/);
          return;
        }
        for (const [path, part] of Object.entries(unzipSync(filled.value))) {
          if (path.endsWith('.xml')) parseXml(strFromU8(part));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on a zip of random XML-ish parts', () => {
    const xmlish = fc.string({
      unit: fc.constantFrom('<', '>', '/', 'w:p', 'w:t', 'w:tr', '{{', '}}', '#actions', 'a', ' ', '"', '='),
    });
    fc.assert(
      fc.property(xmlish, xmlish, (body, footer) => {
        const bytes = rawDocx(body, { footer });
        const opened = openTemplate(bytes, 'grow-checklist', 'fuzz.docx');
        if (opened.ok) fillTemplate(opened.value, growChecklistData(bundle, context), { locale: 'en-GB' });
      }),
      { numRuns: 150 },
    );
  });
});
