// A filled coach's workbook opened in LibreOffice, which computes every formula afresh: the numbers
// a leader sees must be the numbers of their rows.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { contractWorkbookData } from '../../../renderer/documents/build-data';
import { convertWithLibreOffice } from '../../../scripts/libreoffice';
import { context, contract, participant } from './fixtures';
import { workbookBytes } from './template-builders';

const cadences = [1, 2, 2, 6, 2, 3];

/** The first sheet as LibreOffice computes it, one array of cell texts per row. */
function recalculatedRows(xlsx: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-recalc-'));
  try {
    writeFileSync(join(dir, 'filled.xlsx'), xlsx);
    convertWithLibreOffice([join(dir, 'filled.xlsx')], 'csv', dir);
    return readFileSync(join(dir, 'filled.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a filled workbook recalculated in LibreOffice', () => {
  it('counts each repeated row on its own, totals over the block and runs from the header', async () => {
    const template = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Commitments');
      sheet.getRow(1).values = ['Weeks', 'Every', 'Filled', 'Two-weekly', 'Share', 'So far'];
      sheet.getCell('A2').value = '{{#commitments}}{{commitment.number}}';
      sheet.getCell('B2').value = '{{commitment.reviewCadenceWeeks}}';
      sheet.getCell('C2').value = { formula: 'COUNTA(A2:B2)', result: 0 };
      sheet.getCell('D2').value = { formula: 'COUNTIF(B2:B2,2)', result: 0 };
      sheet.getCell('E2').value = { formula: 'B2/SUM(B$2:B$2)', result: 0 };
      sheet.getCell('F2').value = { formula: 'SUM(B$1:B2)', result: 0 };
      sheet.getCell('A4').value = 'Total';
      sheet.getCell('D4').value = { formula: 'SUM(D2:D2)', result: 0 };
      workbook.addWorksheet('RACI');
    });
    const opened = openTemplate(template, 'contract-workbook', 'coach.xlsx');
    if (!opened.ok) throw new Error(opened.error);
    const commitments = cadences.map((weeks, i) => ({
      ...contract.commitments[0],
      id: `00000000-0000-4000-8000-00000000000${i}`,
      reviewCadenceWeeks: weeks,
    }));
    const data = contractWorkbookData({ ...contract, commitments }, participant, context);
    const filled = fillTemplate(opened.value, data, { locale: 'en-GB' });
    if (!filled.ok) throw new Error(filled.error);

    const rows = recalculatedRows(filled.value);
    const total = cadences.reduce((sum, weeks) => sum + weeks, 0);
    const copies = rows.slice(1, 1 + cadences.length);
    expect(copies.map((row) => Number(row[2]))).toEqual(cadences.map(() => 2));
    expect(copies.map((row) => Number(row[3]))).toEqual(cadences.map((weeks) => (weeks === 2 ? 1 : 0)));
    expect(copies.map((row) => Number(row[4]))).toEqual(cadences.map((weeks) => expect.closeTo(weeks / total, 6)));
    expect(copies.map((row) => Number(row[5]))).toEqual(
      cadences.map((_weeks, i) => cadences.slice(0, i + 1).reduce((sum, weeks) => sum + weeks, 0)),
    );
    expect(rows[1 + cadences.length + 1].slice(0, 4)).toEqual(['Total', '', '', '3']);
  }, 120_000);
});
