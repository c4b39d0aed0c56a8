// The Open Packaging layer shared by .docx and .xlsx: content types, relationships, the main part,
// and the refusal of macro-enabled files.
import { fail, ok, type Result } from '../../shared/result';
import type { TemplateFormat } from './catalogue';
import type { ZipEntries } from './safe-unzip';
import { attribute, decodeUtf8, encodeUtf8, tagPattern } from './xml-text';

export const CONTENT_TYPES = '[Content_Types].xml';

const mainContentTypes: Record<string, { format: TemplateFormat; template: boolean }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': {
    format: 'docx',
    template: false,
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': {
    format: 'docx',
    template: true,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': { format: 'xlsx', template: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': { format: 'xlsx', template: true },
};

const documentContentType: Record<TemplateFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};

export type OoxmlPackage = {
  entries: ZipEntries;
  format: TemplateFormat;
  mainPart: string;
};

type Relationship = { id: string; type: string; target: string; external: boolean };

export const readText = (entries: ZipEntries, path: string): string | undefined => {
  const bytes = entries.get(path);
  return bytes && decodeUtf8(bytes);
};

export const writeText = (entries: ZipEntries, path: string, text: string): void => {
  entries.set(path, encodeUtf8(text));
};

/** Every opening or self-closing tag named `name` in `xml`, as its text. */
export function tagsNamed(xml: string, name: string): string[] {
  const found: string[] = [];
  for (const match of xml.matchAll(tagPattern)) if (!match[1] && match[2] === name) found.push(match[0]);
  return found;
}

const directoryOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

function resolveTarget(sourcePart: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : directoryOf(sourcePart) + target;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export const relationshipsPath = (part: string) =>
  `${directoryOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

export function readRelationships(entries: ZipEntries, part: string): Relationship[] {
  const xml = readText(entries, relationshipsPath(part));
  if (!xml) return [];
  return tagsNamed(xml, 'Relationship').map((tag) => {
    const external = attribute(tag, 'TargetMode') === 'External';
    const target = attribute(tag, 'Target') ?? '';
    return {
      id: attribute(tag, 'Id') ?? '',
      type: attribute(tag, 'Type') ?? '',
      target: external ? target : resolveTarget(part, target),
      external,
    };
  });
}

const macroMessage =
  'This file contains macros (a VBA project). Followthrough refuses macro-enabled templates because macros can run ' +
  'code on the computer of whoever opens the document. Save it as a plain Word Document (.docx) or Excel Workbook ' +
  '(.xlsx) and import it again.';

function holdsMacros(entries: ZipEntries, contentTypes: string): boolean {
  if (/macroEnabled|vbaProject|ms-office\.vba/i.test(contentTypes)) return true;
  return [...entries.keys()].some((name) => /(^|\/)(vbaProject\.bin|vbaData\.xml)$/i.test(name));
}

/** Recognises a Word or Excel package and refuses macro-enabled ones. */
export function openPackage(entries: ZipEntries): Result<OoxmlPackage> {
  const contentTypes = readText(entries, CONTENT_TYPES);
  if (contentTypes === undefined) {
    return fail('This ZIP file is not a Word or Excel document: it has no [Content_Types].xml.');
  }
  if (holdsMacros(entries, contentTypes)) return fail(macroMessage);
  const officeDocument = readRelationships(entries, '').find((rel) => rel.type.endsWith('/officeDocument'));
  if (!officeDocument || !entries.has(officeDocument.target)) {
    return fail('This file is damaged: it does not say where its document is.');
  }
  const override = tagsNamed(contentTypes, 'Override').find(
    (tag) => attribute(tag, 'PartName')?.replace(/^\//, '') === officeDocument.target,
  );
  const known = mainContentTypes[attribute(override ?? '', 'ContentType') ?? ''];
  if (!known) return fail('This file is neither a Word document (.docx) nor an Excel workbook (.xlsx).');
  return ok({ entries, format: known.format, mainPart: officeDocument.target });
}

/** Makes a .dotx/.xltx template's output an ordinary document that opens for editing. */
export function markAsDocument(pkg: OoxmlPackage): void {
  const contentTypes = readText(pkg.entries, CONTENT_TYPES) ?? '';
  const templateType = documentContentType[pkg.format]
    .replace('.document.', '.template.')
    .replace('.sheet.', '.template.');
  if (contentTypes.includes(templateType)) {
    writeText(pkg.entries, CONTENT_TYPES, contentTypes.replace(templateType, documentContentType[pkg.format]));
  }
}
