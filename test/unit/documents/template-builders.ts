// Small hand-made templates for the tests, written as Word and Excel write them — placeholders
// split over runs, proofing marks between them — so the tests control every byte.
import { strToU8, zipSync, type Zippable } from 'fflate';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BundledTemplateName } from '../../../shared/ipc';

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const docxContentTypes = (mainType: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="${mainType}"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>${extra}</Types>`;

const rootRels =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const documentRels =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

type RawDocxOptions = {
  footer?: string;
  mainType?: string;
  extraContentTypes?: string;
  extraEntries?: Record<string, string>;
};

/** A .docx whose body is `bodyXml` (paragraphs and tables in WordprocessingML). */
export function rawDocx(bodyXml: string, options: RawDocxOptions = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(docxContentTypes(options.mainType ?? DOCX_MAIN, options.extraContentTypes)),
    '_rels/.rels': strToU8(rootRels),
    'word/_rels/document.xml.rels': strToU8(documentRels),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${bodyXml}` +
        `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ),
    'word/footer1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}>${options.footer ?? p(r('Page footer'))}</w:ftr>`,
    ),
  };
  for (const [name, text] of Object.entries(options.extraEntries ?? {})) files[name] = strToU8(text);
  return zipSync(files);
}

/** A run; `bold` marks it the way Word does after the author formats part of a word. */
export const r = (text: string, bold = false) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

export const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

/** What Word leaves between runs after spell-checking or editing. */
export const proofingNoise =
  '<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>';

export const table = (...rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr>${rows
    .map((cells) => `<w:tr>${cells.map((cell) => `<w:tc><w:p>${r(cell)}</w:p></w:tc>`).join('')}</w:tr>`)
    .join('')}</w:tbl>`;

const templatesDir = fileURLToPath(new URL('../../../templates/', import.meta.url));

export const bundledTemplate = (name: BundledTemplateName) => new Uint8Array(readFileSync(`${templatesDir}${name}`));

/** An .xlsx made by `build` with exceljs, as a coach's own workbook would be. */
export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
