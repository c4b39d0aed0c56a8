import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkTemplateFile, openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { growChecklistData } from '../../../renderer/documents/build-data';
import { bundle, context } from './fixtures';
import { p, r, rawDocx, workbookBytes } from './template-builders';
import { openTestDatabase } from '../db/test-database';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relationships = (...rels: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
const external = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target.replace(/&/g, '&amp;')}" TargetMode="External"/>`;

/** The hand-made .docx with extra parts written into it, as Word writes them. */
function docxWith(parts: Record<string, string>, body = p(r('Dear {{participant.name}}'))): Uint8Array {
  const entries = unzipSync(rawDocx(body));
  for (const [name, text] of Object.entries(parts)) entries[name] = strToU8(text);
  return zipSync(entries);
}

const attachedTemplate = (target: string) =>
  docxWith({
    'word/settings.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
      `xmlns:r="${REL}"><w:attachedTemplate r:id="rIdTemplate"/></w:settings>`,
    'word/_rels/settings.xml.rels': relationships(external('rIdTemplate', 'attachedTemplate', target)),
  });

const withDocumentRels = (...rels: string[]) =>
  docxWith({
    'word/_rels/document.xml.rels': relationships(
      `<Relationship Id="rIdFooter" Type="${REL}/footer" Target="footer1.xml"/>`,
      ...rels,
    ),
  });

const refusal = (bytes: Uint8Array, kind: Parameters<typeof openTemplate>[1] = 'grow-checklist') => {
  const opened = checkTemplateFile(bytes, kind, 'Branded.docx');
  return opened.ok ? 'accepted' : opened.error;
};

describe('templates that would make Word or Excel fetch files from elsewhere', () => {
  it('refuses an attached template on a network share, naming the part and the address', () => {
    expect(refusal(attachedTemplate('\\\\server\\share\\x.dotm'))).toBe(
      'word/_rels/settings.xml.rels links to \\\\server\\share\\x.dotm; Followthrough does not accept templates ' +
        'that fetch files from elsewhere, because Word or Excel may fetch them (and send the computer’s sign-in) ' +
        'when someone opens an export. Remove the link (for an attached template: Developer → Document Template; ' +
        'for a linked picture: insert the picture itself; for a field: select it and press Ctrl+Shift+F9) and import ' +
        'the file again.',
    );
  });

  it('refuses a remote picture and a hyperlink to a file, and stores nothing', async () => {
    expect(refusal(withDocumentRels(external('rIdLogo', 'image', 'https://cdn.example.com/logo.png')))).toMatch(
      /^word\/_rels\/document\.xml\.rels links to https:\/\/cdn\.example\.com\/logo\.png; /,
    );
    const fileLink = withDocumentRels(external('rIdLink', 'hyperlink', 'file:///C:/Users/coach/notes.docx'));
    expect(refusal(fileLink)).toMatch(/^word\/_rels\/document\.xml\.rels links to file:\/\/\/C:\/Users/);
    const { repos, db } = openTestDatabase();
    const imported = await repos.templates.import('grow-checklist', 'Branded.docx', fileLink);
    expect(imported.ok).toBe(false);
    expect(await db.templates.count()).toBe(0);
  });

  it('refuses a workbook linked to another workbook', async () => {
    const workbook = unzipSync(
      await workbookBytes((book) => {
        book.addWorksheet('Commitments').getCell('A1').value = '{{contract.title}}';
        book.addWorksheet('RACI');
      }),
    );
    workbook['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8(
      relationships(external('rId1', 'externalLinkPath', 'file:///\\\\fileserver\\hr\\budget.xlsx')),
    );
    expect(refusal(zipSync(workbook), 'contract-workbook')).toMatch(
      /^xl\/externalLinks\/_rels\/externalLink1\.xml\.rels links to file:\/\/\/\\\\fileserver/,
    );
  });

  it('refuses Word fields that load a picture, a text or a program from elsewhere, even split over runs', () => {
    const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
    const fieldChar = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const complex = (...parts: string[]) =>
      rawDocx(p(fieldChar('begin'), ...parts.map(instr), fieldChar('separate'), r('x'), fieldChar('end')));
    expect(refusal(complex(' INCLUDE', 'PICTURE "\\\\server\\logo.png" \\d '))).toMatch(
      /^word\/document\.xml has the field INCLUDEPICTURE; Followthrough does not accept/,
    );
    expect(refusal(complex(' ddeauto c:\\windows\\system32\\cmd.exe "/k calc"'))).toMatch(/has the field DDEAUTO/);
    const simple = rawDocx(p(`<w:fldSimple w:instr=' INCLUDETEXT "file:///x.docx" '>${r('x')}</w:fldSimple>`));
    expect(refusal(simple)).toMatch(/has the field INCLUDETEXT/);
    expect(refusal(complex(' HYPERLINK "https://example.com" \\o "Open the link here" '))).toBe('accepted');
    expect(refusal(complex(' PAGE '))).toBe('accepted');
  });

  it('keeps ordinary web and mail links in the body, which open only when the reader clicks them', () => {
    const links = withDocumentRels(
      external('rIdSite', 'hyperlink', 'https://coaching.example.com/programme?x=1&y=2'),
      external('rIdMail', 'hyperlink', 'mailto:coach@example.com'),
    );
    const opened = openTemplate(links, 'grow-checklist', 'Branded.docx');
    if (!opened.ok) throw new Error(opened.error);
    const filled = fillTemplate(opened.value, growChecklistData(bundle, context), { locale: 'en-GB' });
    if (!filled.ok) throw new Error(filled.error);
    const rels = strFromU8(unzipSync(filled.value)['word/_rels/document.xml.rels']);
    expect(rels).toContain('Target="https://coaching.example.com/programme?x=1&amp;y=2"');
    expect(rels).toContain('Target="mailto:coach@example.com"');
  });

  it('accepts exactly the external links that are web or mail hyperlinks, in any part of either format', () => {
    const types = ['hyperlink', 'image', 'attachedTemplate', 'oleObject', 'externalLinkPath', 'frame', 'subDocument'];
    const targets = fc.oneof(
      fc.constantFrom(
        'https://example.com/',
        'http://example.com/a',
        'mailto:x@example.com',
        'file:///etc/passwd',
        '\\\\server\\share\\t.dotm',
        '//server/share/a.png',
        'HTTPS://EXAMPLE.COM',
        'javascript:alert(1)',
        'ftp://example.com/a',
      ),
      fc.webUrl(),
      fc.string({ maxLength: 40 }),
    );
    const parts = fc.constantFrom(
      'word/_rels/document.xml.rels',
      'word/_rels/settings.xml.rels',
      'word/_rels/header9.xml.rels',
    );
    fc.assert(
      fc.property(parts, fc.constantFrom(...types), targets, (part, type, target) => {
        const escaped = target.replace(/[<>"]/g, '');
        const bytes =
          part === 'word/_rels/document.xml.rels'
            ? withDocumentRels(external('rIdX', type, escaped))
            : docxWith({ [part]: relationships(external('rIdX', type, escaped)) });
        const harmless = type === 'hyperlink' && /^(https?|mailto):/i.test(escaped.trim());
        const result = openTemplate(bytes, 'grow-checklist', 'x.docx');
        expect(result.ok ? 'accepted' : result.error.startsWith(`${part} links to `) ? 'refused' : result.error).toBe(
          harmless ? 'accepted' : 'refused',
        );
      }),
    );
  });
});
