// Rebuilds the bundled templates in templates/ from the designs in scripts/template-designs/,
// and their README from the placeholder catalogue. Run: npx tsx scripts/build-templates.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Packer } from 'docx';
import ExcelJS from 'exceljs';
import { format, resolveConfig } from 'prettier';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { toCsv } from '../shared/csv';
import { contractWorkbook } from './template-designs/contract-workbook';
import { growChecklistDocument } from './template-designs/grow-checklist';
import { measurementColumns, measurementFields } from './template-designs/measurement-fields';
import { templatesReadme } from './template-designs/readme';
import { sessionSummaryDocument } from './template-designs/session-summary';
import { templateSlots } from './template-designs/slots';

const templatesDir = fileURLToPath(new URL('../templates', import.meta.url));
/** The same design always gives the same bytes: fixed document dates and ZIP times, so a rebuild
 * that changes nothing shows no diff, and one that changes something shows only that. */
const FIXED_DATE = '2026-01-01T00:00:00Z';
function reproducible(bytes: Uint8Array): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(unzipSync(bytes))) {
    const fixed =
      name === 'docProps/core.xml'
        ? strToU8(
            strFromU8(content)
              .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE}`)
              .replace(/(<cp:lastModifiedBy>)[^<]*/, '$1Followthrough'),
          )
        : content;
    files[name] = [fixed, { mtime: new Date(FIXED_DATE), level: 9 }];
  }
  return zipSync(files);
}

const write = (name: string, data: Uint8Array | string) => {
  writeFileSync(join(templatesDir, name), data);
  console.log(`wrote templates/${name}`);
};

write('1to1-GROW-Checklist.docx', reproducible(await Packer.toBuffer(growChecklistDocument(templateSlots))));
write('Session-Summary.docx', reproducible(await Packer.toBuffer(sessionSummaryDocument(templateSlots))));

const workbook = new ExcelJS.Workbook();
contractWorkbook(workbook, templateSlots);
write('Accountability-Contract.xlsx', reproducible(new Uint8Array(await workbook.xlsx.writeBuffer())));

write(
  'Measurement-Fields-Config.csv',
  toCsv([[...measurementColumns], ...measurementFields.map((row) => measurementColumns.map((c) => row[c]))]),
);
const readmePath = join(templatesDir, 'README.md');
write('README.md', await format(templatesReadme(), { ...(await resolveConfig(readmePath)), filepath: readmePath }));
