// Many filled copies of one Word template as one document: each copy becomes its own section,
// starting on a new page with the template's page setup. Headers and footers that hold
// placeholders get a part per copy, so every page shows its own participant and date.
import { readRelationships, readText, tagsNamed, CONTENT_TYPES, relationshipsPath } from './ooxml-package';
import { packDocx, withoutUniqueIds, type DocxTemplate } from './fill-docx';
import { attribute, encodeUtf8, escapeXml } from './xml-text';

type SectionPart = { path: string; relId: string; type: string; contentType: string };

/** Header and footer parts whose text changes from copy to copy. */
function partsToCopy(template: DocxTemplate): SectionPart[] {
  const contentTypes = readText(template.pkg.entries, CONTENT_TYPES) ?? '';
  const overrides = tagsNamed(contentTypes, 'Override');
  return readRelationships(template.pkg.entries, template.pkg.mainPart)
    .filter((rel) => /\/(header|footer)$/.test(rel.type) && template.parts.get(rel.target)?.includes('{{'))
    .map((rel) => ({
      path: rel.target,
      relId: rel.id,
      type: rel.type,
      contentType:
        attribute(overrides.find((tag) => attribute(tag, 'PartName') === `/${rel.target}`) ?? '', 'ContentType') ?? '',
    }));
}

function splitBody(mainXml: string): { before: string; content: string; sectPr: string; after: string } {
  const open = /<w:body\b[^>]*>/.exec(mainXml);
  const close = mainXml.lastIndexOf('</w:body>');
  if (!open || close === -1) throw new Error('The template has no document body.');
  const inner = mainXml.slice(open.index + open[0].length, close);
  const sectStart = inner.lastIndexOf('<w:sectPr');
  const hasFinalSection = sectStart !== -1 && /<\/w:sectPr>\s*$|<w:sectPr\b[^>]*\/>\s*$/.test(inner.slice(sectStart));
  return {
    before: mainXml.slice(0, open.index + open[0].length),
    content: hasFinalSection ? inner.slice(0, sectStart) : inner,
    sectPr: hasFinalSection ? inner.slice(sectStart).trim() : '<w:sectPr/>',
    after: mainXml.slice(close),
  };
}

/** A paragraph too small to see that ends a section. */
const sectionBreak = (sectPr: string) =>
  `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="14" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>${sectPr}</w:pPr></w:p>`;

const copyPath = (path: string, copy: number) => path.replace(/\.xml$/, `-copy${copy}.xml`);

export function mergeDocx(template: DocxTemplate, filled: Map<string, string>[]): Uint8Array {
  const main = template.pkg.mainPart;
  const copied = partsToCopy(template);
  const merged = new Map(filled[0]);
  const relsPath = relationshipsPath(main);
  let rels = readText(template.pkg.entries, relsPath) ?? '';
  let contentTypes = readText(template.pkg.entries, CONTENT_TYPES) ?? '';
  const extraEntries = new Map<string, Uint8Array>();
  let body = '';
  const first = splitBody(filled[0].get(main) ?? '');

  filled.forEach((parts, copy) => {
    const section = copy === 0 ? first : splitBody(parts.get(main) ?? '');
    let sectPr = section.sectPr.replace(/<w:type\b[^>]*\/>/g, '');
    if (copy > 0) {
      for (const part of copied) {
        const path = copyPath(part.path, copy);
        const relId = `${part.relId}c${copy}`;
        merged.set(path, parts.get(part.path) ?? '');
        const partRels = template.pkg.entries.get(relationshipsPath(part.path));
        if (partRels) extraEntries.set(relationshipsPath(path), partRels);
        const target = path.slice(path.lastIndexOf('/') + 1);
        rels = rels.replace(
          '</Relationships>',
          `<Relationship Id="${relId}" Type="${escapeXml(part.type)}" Target="${target}"/></Relationships>`,
        );
        contentTypes = contentTypes.replace(
          '</Types>',
          `<Override PartName="/${path}" ContentType="${escapeXml(part.contentType)}"/></Types>`,
        );
        sectPr = sectPr.replace(`r:id="${part.relId}"`, `r:id="${relId}"`);
      }
    }
    const content = copy === 0 ? section.content : withoutUniqueIds(section.content);
    body += copy === filled.length - 1 ? content + sectPr : content + sectionBreak(sectPr);
  });

  merged.set(main, first.before + body + first.after);
  const target: DocxTemplate = { ...template, pkg: { ...template.pkg, entries: new Map(template.pkg.entries) } };
  target.pkg.entries.set(relsPath, encodeUtf8(rels));
  target.pkg.entries.set(CONTENT_TYPES, encodeUtf8(contentTypes));
  for (const [path, bytes] of extraEntries) target.pkg.entries.set(path, bytes);
  return packDocx(target, merged);
}
