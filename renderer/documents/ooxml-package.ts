// The Open Packaging layer shared by .docx and .xlsx: content types, relationships, the main part,
// and the refusal of macro-enabled files and of files that fetch others as they open.
import { fail, ok, type Result } from '../../shared/result';
import type { TemplateFormat } from './catalogue';
import type { ZipEntries } from './safe-unzip';
import { attribute, decodeUtf8, decodeXml, encodeUtf8, tagPattern } from './xml-text';

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

/** A link the reader follows by clicking, to the web or to mail: nothing is fetched when the file opens. */
const isClickableLink = (type: string, target: string) =>
  type.endsWith('/hyperlink') && /^(https?|mailto):/i.test(target.trim());

/**
 * The first relationship, in any part, that points outside the package and is not a clickable
 * web or mail link: an attached template, a linked picture, a linked workbook, a file link. Word
 * and Excel may fetch those as the file opens, sending the computer's sign-in to a share.
 */
function linkFetchingElsewhere(entries: ZipEntries): string | null {
  for (const part of entries.keys()) {
    if (!/\.rels$/i.test(part)) continue;
    for (const match of (readText(entries, part) ?? '').matchAll(tagPattern)) {
      if (match[1] || match[2].replace(/^.*:/, '') !== 'Relationship') continue;
      const mode = attribute(match[0], 'TargetMode');
      if (mode === undefined || mode === 'Internal') continue;
      const target = attribute(match[0], 'Target') ?? '';
      if (!isClickableLink(attribute(match[0], 'Type') ?? '', target)) return `${part} links to ${target}`;
    }
  }
  return null;
}

/** Word fields that load a file, or run a program, from elsewhere as the document opens or updates. */
const fetchingFields = new Set(['INCLUDEPICTURE', 'INCLUDETEXT', 'LINK', 'DDE', 'DDEAUTO']);

const fieldName = (instruction: string) => /^\s*([A-Za-z]+)/.exec(instruction)?.[1].toUpperCase() ?? '';

/**
 * The first Word part with such a field. A field's name is the first word of its instruction,
 * which Word may split over several runs after the field's begin mark.
 */
function fieldFetchingElsewhere(entries: ZipEntries): string | null {
  for (const part of entries.keys()) {
    if (!/^word\/[^/]*\.xml$/i.test(part)) continue;
    const xml = readText(entries, part) ?? '';
    const complex = xml
      .split(/<w:fldChar\b[^>]*w:fldCharType="begin"/)
      .slice(1)
      .map((field) => [...field.matchAll(/<w:instrText\b[^>]*>([^<]*)</g)].map((run) => decodeXml(run[1])).join(''));
    const simple = tagsNamed(xml, 'w:fldSimple').map((tag) => attribute(tag, 'w:instr') ?? '');
    const name = [...complex, ...simple].map(fieldName).find((field) => fetchingFields.has(field));
    if (name) return `${part} has the field ${name}`;
  }
  return null;
}

const fetchesElsewhereMessage = (what: string) =>
  `${what}; Followthrough does not accept templates that fetch files from elsewhere, because ` +
  'Word or Excel may fetch them (and send the computer’s sign-in) when someone opens an export. Remove the link ' +
  '(for an attached template: Developer → Document Template; for a linked picture: insert the picture itself; ' +
  'for a field: select it and press Ctrl+Shift+F9) and import the file again.';

/** Recognises a Word or Excel package; refuses macro-enabled ones and ones that fetch files from elsewhere. */
export function openPackage(entries: ZipEntries): Result<OoxmlPackage> {
  const contentTypes = readText(entries, CONTENT_TYPES);
  if (contentTypes === undefined) {
    return fail('This ZIP file is not a Word or Excel document: it has no [Content_Types].xml.');
  }
  if (holdsMacros(entries, contentTypes)) return fail(macroMessage);
  const fetches = linkFetchingElsewhere(entries) ?? fieldFetchingElsewhere(entries);
  if (fetches) return fail(fetchesElsewhereMessage(fetches));
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
