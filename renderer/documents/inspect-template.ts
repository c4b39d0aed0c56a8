// The gate every template passes, bundled or the coach's own: size, ZIP safety, macros, the right
// format and sheets, and each placeholder checked against what the export knows. The result is
// either an opened template with a report, or one message a coach can act on.
import { MAX_TEMPLATE_BYTES, type TemplateKind } from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { catalogue, findList, isConfidential, knownFieldNames, listOfField, type TemplateFormat } from './catalogue';
import { fillableParts, readDocxTemplate, type DocxTemplate } from './fill-docx';
import { openPackage, readText } from './ooxml-package';
import { closestName } from './placeholders';
import { safeUnzip } from './safe-unzip';
import { damagedPart, type PlaceholderUse } from './template-analysis';
import { isWellFormedXml } from './xml-text';
import { readXlsxTemplate, workbookPartNames, type XlsxTemplate } from './xlsx/read-xlsx';

export type PlaceholderStatus = 'known' | 'unknown' | 'private' | 'misplaced' | 'malformed';

export type PlaceholderFinding = {
  /** As written in the template: `{{participant.nmae}}`. */
  text: string;
  status: PlaceholderStatus;
  /** The known placeholder the author probably meant, for an unknown one. */
  suggestion: string | null;
  /** What is wrong and how to fix it; empty for a known placeholder. */
  message: string;
  where: string[];
};

export type TemplateReport = {
  kind: TemplateKind;
  format: TemplateFormat;
  placeholders: PlaceholderFinding[];
  /** Every placeholder is known and in its place: the template can be filled. */
  ready: boolean;
};

export type OpenedTemplate =
  | { kind: TemplateKind; format: 'docx'; docx: DocxTemplate; report: TemplateReport }
  | { kind: TemplateKind; format: 'xlsx'; xlsx: XlsxTemplate; report: TemplateReport };

const formatNames: Record<TemplateFormat, string> = {
  docx: 'a Word document (.docx)',
  xlsx: 'an Excel workbook (.xlsx)',
};

function classify(kind: TemplateKind, use: PlaceholderUse): Omit<PlaceholderFinding, 'where'> {
  const { token } = use;
  const text = token.raw;
  const finding = (status: PlaceholderStatus, message = '', suggestion: string | null = null) => ({
    text,
    status,
    message,
    suggestion,
  });
  if (token.type === 'malformed') return finding('malformed', `${text} is malformed: ${token.reason}.`);
  if (token.type === 'list') {
    if (findList(kind, token.name)) return finding('known');
    const names = catalogue[kind].lists.map((list) => list.name);
    const guess = closestName(token.name, names);
    return finding('unknown', unknownMessage(kind, text, guess && `{{#${guess}}}`), guess && `{{#${guess}}}`);
  }
  if (isConfidential(kind, token.name)) {
    const scope = token.name.startsWith('participant.') ? 'any export' : `a ${catalogue[kind].label.toLowerCase()}`;
    return finding(
      'private',
      `${text} holds private notes, which never appear in ${scope}. Remove it from the template.`,
    );
  }
  if (!knownFieldNames(kind).includes(token.name)) {
    const guess = closestName(token.name, knownFieldNames(kind));
    return finding('unknown', unknownMessage(kind, text, guess && `{{${guess}}}`), guess && `{{${guess}}}`);
  }
  const list = listOfField(kind, token.name);
  const across = list?.fields.find((f) => f.name === token.name)?.across;
  const inOwnLine = !list || (list.axis === 'row' ? use.rowList === list.name : use.columnList === list.name);
  if (inOwnLine && (!across || use.columnList === across)) return finding('known');
  const where = across
    ? `a row marked {{#${list!.name}}} and the column marked {{#${across}}}`
    : `the ${list!.axis} marked {{#${list!.name}}}`;
  return finding('misplaced', `${text} has a value only inside ${where}; move it there.`);
}

const unknownMessage = (kind: TemplateKind, text: string, guess: string | null) =>
  `${text} is not a placeholder the ${catalogue[kind].label.toLowerCase()} knows` +
  (guess ? ` — did you mean ${guess}?` : '; see the list of placeholders in Settings → Templates.');

function report(kind: TemplateKind, format: TemplateFormat, uses: PlaceholderUse[]): TemplateReport {
  const findings = new Map<string, PlaceholderFinding>();
  for (const use of uses) {
    const found = classify(kind, use);
    const key = `${found.status} ${found.text}`;
    const existing = findings.get(key);
    if (existing) {
      if (!existing.where.includes(use.where)) existing.where.push(use.where);
    } else findings.set(key, { ...found, where: [use.where] });
  }
  const placeholders = [...findings.values()];
  return { kind, format, placeholders, ready: placeholders.every((finding) => finding.status === 'known') };
}

/** Rounded up, so a file just over the limit never reads as exactly the limit. */
const megabytes = (bytes: number) => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Opens template bytes for `kind`; refuses with one message when the file cannot be a template. */
export function openTemplate(bytes: Uint8Array, kind: TemplateKind, fileName = ''): Result<OpenedTemplate> {
  const expected = catalogue[kind].format;
  if (bytes.length > MAX_TEMPLATE_BYTES) {
    return fail(
      `This file is ${megabytes(bytes.length)}, over the ${megabytes(MAX_TEMPLATE_BYTES)} a template may be. Remove large images and try again.`,
    );
  }
  if (/\.(docm|dotm|xlsm|xltm|xlsb)$/i.test(fileName)) {
    return fail(
      `${fileName} is a macro-enabled file. Followthrough refuses macros because they can run code on the computer of ` +
        `whoever opens the document. Save it as ${formatNames[expected]} and import it again.`,
    );
  }
  const entries = safeUnzip(bytes);
  if (!entries.ok) return entries;
  const pkg = openPackage(entries.value);
  if (!pkg.ok) return pkg;
  if (pkg.value.format !== expected) {
    return fail(
      `The ${catalogue[kind].label.toLowerCase()} template must be ${formatNames[expected]}; this file is ${formatNames[pkg.value.format]}.`,
    );
  }
  try {
    if (pkg.value.format === 'docx') {
      const docx = readDocxTemplate(pkg.value, kind);
      if (docx.structure.problems.length) return fail(docx.structure.problems.join(' '));
      return ok({ kind, format: 'docx', docx, report: report(kind, 'docx', docx.structure.uses) });
    }
    const xlsx = readXlsxTemplate(pkg.value, kind);
    if (xlsx.structure.problems.length) return fail(xlsx.structure.problems.join(' '));
    return ok({ kind, format: 'xlsx', xlsx, report: report(kind, 'xlsx', xlsx.structure.uses) });
  } catch (error) {
    return fail(
      `The file is damaged and cannot be read as a template (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
}

/** The first thing that stops a template from being filled, as one message. */
export function readinessProblem(report: TemplateReport): string | null {
  const blocking = report.placeholders.filter((finding) => finding.status !== 'known');
  if (!blocking.length) return null;
  const first = blocking[0];
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more problem${blocking.length > 2 ? 's' : ''})` : '';
  return `The template cannot be filled: ${first.message} Found at ${first.where.join(', ')}${more}.`;
}

/**
 * Opens a file the coach brings in, as openTemplate does, and reads every XML part of it with a
 * strict parser: a part cut short or damaged (the styles too, which a fill copies as they are)
 * would leave every document filled from it unopenable. Done once, at import; exports trust the
 * stored file, and the bundled templates.
 */
export function checkTemplateFile(bytes: Uint8Array, kind: TemplateKind, fileName = ''): Result<OpenedTemplate> {
  const opened = openTemplate(bytes, kind, fileName);
  if (!opened.ok) return opened;
  const word = opened.value.format === 'docx';
  const pkg = opened.value.format === 'docx' ? opened.value.docx.pkg : opened.value.xlsx.pkg;
  const damaged = [...pkg.entries.keys()].find(
    (path) => /\.(xml|rels)$/i.test(path) && !isWellFormedXml(readText(pkg.entries, path) ?? ''),
  );
  if (damaged === undefined) return opened;
  const names = word ? fillableParts(pkg) : workbookPartNames(pkg);
  return fail(damagedPart(names.get(damaged) ?? `its part ${damaged}`, word ? 'Word' : 'Excel'));
}
