// Fills a Word template: the body, headers, footers and notes, with each table row marked by a
// list marker repeated once per item. Works on the package's XML directly so that everything the
// author designed (styles, numbering, images, section setup) passes through untouched.
import type { TemplateKind } from '../../shared/model';
import { findList } from './catalogue';
import { lookUp, valueText, type FillData, type FillOptions, type Scope } from './fill-data';
import { markAsDocument, readRelationships, readText, type OoxmlPackage } from './ooxml-package';
import { scanPlaceholders } from './placeholders';
import { zipEntries } from './safe-unzip';
import { elementRanges, type PlaceholderUse, type TemplateStructure } from './template-analysis';
import { fillText, mergeSplitPlaceholders, rewriteTextNodes, textNodes, wordText } from './text-runs';
import { encodeUtf8, escapeXml } from './xml-text';

type MarkedRow = { start: number; end: number; list: string };

export type DocxTemplate = {
  pkg: OoxmlPackage;
  /** Each part that may hold placeholders, with split placeholders already made whole. */
  parts: Map<string, string>;
  rows: Map<string, MarkedRow[]>;
  structure: TemplateStructure;
};

const partKinds: Record<string, string> = {
  header: 'a header',
  footer: 'a footer',
  footnotes: 'the footnotes',
  endnotes: 'the endnotes',
};

/** The parts a fill rewrites, each with where a coach finds it: "the document body", "the footer"… */
export function fillableParts(pkg: OoxmlPackage): Map<string, string> {
  const parts = new Map([[pkg.mainPart, 'the document body']]);
  for (const rel of readRelationships(pkg.entries, pkg.mainPart)) {
    const kind = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    if (!rel.external && partKinds[kind] && pkg.entries.has(rel.target)) parts.set(rel.target, partKinds[kind]);
  }
  return parts;
}

function analysePart(kind: TemplateKind, xml: string, where: string, problems: string[]) {
  const tableRows = elementRanges(xml, 'w:tr');
  const located = textNodes(xml, 'w:t').flatMap((node) =>
    scanPlaceholders(node.text).map((token) => ({ token, at: node.at })),
  );
  const marked = new Map<{ start: number; end: number }, MarkedRow>();
  for (const { token, at } of located) {
    if (token.type !== 'list') continue;
    const row = tableRows.filter((range) => range.start < at && at < range.end).pop();
    if (findList(kind, token.name)?.axis === 'column') {
      problems.push(`${token.raw} repeats a column, which only Excel templates can do; remove it from ${where}.`);
    } else if (!row) {
      problems.push(`${token.raw} in ${where} is not inside a table row. Put it in the table row that should repeat.`);
    } else if (marked.get(row) && marked.get(row)!.list !== token.name) {
      problems.push(
        `A table row repeats for one list only, but one row in ${where} holds {{#${marked.get(row)!.list}}} and ${token.raw}.`,
      );
    } else {
      marked.set(row, { ...row, list: token.name });
    }
  }
  const rows = [...marked.values()].sort((a, b) => a.start - b.start);
  rows.forEach((row, i) => {
    if (i > 0 && row.start < rows[i - 1].end) {
      problems.push(
        `Repeated rows cannot sit inside each other: {{#${row.list}}} is inside the row of {{#${rows[i - 1].list}}}.`,
      );
    }
  });
  const uses: PlaceholderUse[] = located.map(({ token, at }) => ({
    token,
    where,
    rowList: rows.find((row) => row.start < at && at < row.end)?.list ?? null,
    columnList: null,
  }));
  return { rows, uses };
}

export function readDocxTemplate(pkg: OoxmlPackage, kind: TemplateKind): DocxTemplate {
  const parts = new Map<string, string>();
  const rows = new Map<string, MarkedRow[]>();
  const structure: TemplateStructure = { uses: [], problems: [] };
  for (const [path, where] of fillableParts(pkg)) {
    const xml = mergeSplitPlaceholders(readText(pkg.entries, path) ?? '', wordText);
    const analysis = analysePart(kind, xml, where, structure.problems);
    parts.set(path, xml);
    rows.set(path, analysis.rows);
    structure.uses.push(...analysis.uses);
  }
  return { pkg, parts, rows, structure };
}

/** A value as the inside of a `<w:t>`: line breaks and tabs become Word's own elements. */
function wordValueXml(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.split('\t').map(escapeXml).join('</w:t><w:tab/><w:t xml:space="preserve">'))
    .join('</w:t><w:br/><w:t xml:space="preserve">');
}

function fillSegment(xml: string, scopes: Scope[], options: FillOptions): string {
  return rewriteTextNodes(xml, 'w:t', (text) =>
    fillText(text, (name) => wordValueXml(valueText(lookUp(scopes, name, null), options.locale))),
  );
}

/** A copy of repeated content keeps no ids that Word requires to be unique. */
export function withoutUniqueIds(xml: string): string {
  return xml.replace(/<w:bookmark(Start|End)\b[^>]*\/>/g, '').replace(/\sw14:(paraId|textId)="[^"]*"/g, '');
}

function fillPart(xml: string, rows: MarkedRow[], data: FillData, options: FillOptions): string {
  const root = [data.fields];
  let output = '';
  let cursor = 0;
  for (const row of rows) {
    output += fillSegment(xml.slice(cursor, row.start), root, options);
    const rowXml = xml.slice(row.start, row.end);
    (data.lists[row.list] ?? []).forEach((item, i) => {
      const filled = fillSegment(rowXml, [data.fields, item], options);
      output += i === 0 ? filled : withoutUniqueIds(filled);
    });
    cursor = row.end;
  }
  return output + fillSegment(xml.slice(cursor), root, options);
}

/** The filled XML of every part that holds placeholders. */
export function fillDocxParts(template: DocxTemplate, data: FillData, options: FillOptions): Map<string, string> {
  const filled = new Map<string, string>();
  for (const [path, xml] of template.parts)
    filled.set(path, fillPart(xml, template.rows.get(path) ?? [], data, options));
  return filled;
}

/** Drawings need ids unique in the document; repeated rows and merged documents copy them. */
function renumberDrawings(xml: string): string {
  let next = 1;
  return xml.replace(/(<wp:docPr\b[^>]*?\sid=")\d+"/g, (_all, prefix: string) => `${prefix}${next++}"`);
}

export function packDocx(template: DocxTemplate, filledParts: Map<string, string>): Uint8Array {
  const pkg: OoxmlPackage = { ...template.pkg, entries: new Map(template.pkg.entries) };
  for (const [path, xml] of filledParts) {
    pkg.entries.set(path, encodeUtf8(path === pkg.mainPart ? renumberDrawings(xml) : xml));
  }
  markAsDocument(pkg);
  return zipEntries(pkg.entries);
}

export function fillDocx(template: DocxTemplate, data: FillData, options: FillOptions): Uint8Array {
  return packDocx(template, fillDocxParts(template, data, options));
}
