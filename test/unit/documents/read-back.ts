// Reads exported documents back the way another program would: unzip, parse the XML strictly
// (a malformed part fails the test), and pull out the text of paragraphs, rows and cells.
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function parseXml(text: string): XmlDocument {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'text/xml');
  if (errors.length) throw new Error(`Malformed XML: ${errors.join('; ')}`);
  return doc;
}

export function part(bytes: Uint8Array, path: string): XmlDocument {
  const entry = unzip(bytes)[path];
  if (!entry) throw new Error(`The package has no ${path}`);
  return parseXml(strFromU8(entry));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const elements = (root: XmlDocument | Element, name: string) => Array.from(root.getElementsByTagNameNS(W, name));

/** A paragraph's text, with Word's breaks and tabs as \n and \t. */
function paragraphText(paragraph: Element): string {
  let text = '';
  const walk = (node: Element) => {
    for (const child of Array.from(node.childNodes) as Element[]) {
      if (child.namespaceURI === W && child.localName === 't') text += child.textContent ?? '';
      else if (child.namespaceURI === W && child.localName === 'br') text += '\n';
      else if (child.namespaceURI === W && child.localName === 'tab') text += '\t';
      else if (
        child.nodeType === 1 &&
        !(child.namespaceURI === W && ['p', 'pPr', 'rPr'].includes(child.localName ?? ''))
      )
        walk(child);
    }
  };
  walk(paragraph);
  return text;
}

/** Every paragraph of word/document.xml (or another part), in order. */
export function wordParagraphs(bytes: Uint8Array, path = 'word/document.xml'): string[] {
  return elements(part(bytes, path), 'p').map(paragraphText);
}

export const wordText = (bytes: Uint8Array, path?: string) => wordParagraphs(bytes, path).join('\n');

/** Each table of the body as rows of cell texts. */
export function wordTables(bytes: Uint8Array): string[][][] {
  return elements(part(bytes, 'word/document.xml'), 'tbl').map((table) =>
    elements(table, 'tr').map((row) =>
      elements(row, 'tc').map((cell) => elements(cell, 'p').map(paragraphText).join('\n')),
    ),
  );
}

/** Every part of the package as text, for "this never appears anywhere" checks. */
export function allText(bytes: Uint8Array): string {
  return Object.values(unzip(bytes))
    .map((entry) => strFromU8(entry))
    .join('\n');
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** The cell values of one column, from `fromRow` down to the last used row. */
export function columnValues(sheet: ExcelJS.Worksheet, column: string, fromRow: number): ExcelJS.CellValue[] {
  const values: ExcelJS.CellValue[] = [];
  for (let row = fromRow; row <= sheet.rowCount; row++) values.push(sheet.getCell(`${column}${row}`).value);
  return values;
}
