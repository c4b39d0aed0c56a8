import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8 } from 'fflate';
import type ExcelJS from 'exceljs';
import type { Contract, TemplateKind } from '../../../shared/model';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { contractWorkbookData } from '../../../renderer/documents/build-data';
import type { FillData } from '../../../renderer/documents/fill-data';
import { mapSpan, transformRef } from '../../../renderer/documents/xlsx/cell-refs';
import { copyFormula, shiftFormula } from '../../../renderer/documents/xlsx/formula-refs';
import { context, contract, participant, trickyText, uuid } from './fixtures';
import { bundledTemplate, workbookBytes } from './template-builders';
import { columnValues, loadWorkbook, unzip } from './read-back';

function fill(template: Uint8Array, data: FillData, kind: TemplateKind = 'contract-workbook'): Uint8Array {
  const opened = openTemplate(template, kind, 'test.xlsx');
  if (!opened.ok) throw new Error(opened.error);
  const filled = fillTemplate(opened.value, data, { locale: 'en-GB' });
  if (!filled.ok) throw new Error(filled.error);
  return filled.value;
}

function withCommitments(count: number): Contract {
  return {
    ...contract,
    commitments: Array.from({ length: count }, (_, i) => ({
      ...contract.commitments[i % contract.commitments.length],
      id: uuid(),
      text: `Commitment ${i + 1}: ${contract.commitments[i % contract.commitments.length].text}`,
    })),
  };
}

const validationOf = (sheet: ExcelJS.Worksheet, address: string) => sheet.getCell(address).dataValidation;
/** exceljs reads conditional formats back but leaves them out of its types. */
const conditionalRefs = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map(
    (format) => format.ref,
  );
const sheetXml = (bytes: Uint8Array, n: number) => strFromU8(unzip(bytes)[`xl/worksheets/sheet${n}.xml`]);

describe('filling the bundled contract workbook', () => {
  it('repeats the commitment row 200 times with typed values, dropdowns, formats and formulas that follow', async () => {
    const filled = fill(
      bundledTemplate('Accountability-Contract.xlsx'),
      contractWorkbookData(withCommitments(200), participant, context),
    );
    const workbook = await loadWorkbook(filled);
    const sheet = workbook.getWorksheet('Commitments')!;
    expect(sheet.getCell('A2').value).toBe(contract.title);
    expect(sheet.getCell('B4').value).toBe('Amara Okafor');
    expect(sheet.getCell('D4').value).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(columnValues(sheet, 'A', 7).slice(0, 200)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(sheet.getCell('B206').value).toBe(`Commitment 200: ${contract.commitments[4].text}`);
    expect(sheet.getCell('F7').value).toEqual(new Date('2026-12-14T00:00:00Z'));
    expect(sheet.getCell('F7').numFmt).toBe('d mmm yyyy');
    expect(sheet.getCell('G8').value).toBe('At risk');
    expect(validationOf(sheet, 'G206')).toMatchObject({ type: 'list', formulae: ['"On track,At risk,Missed,Met"'] });
    expect(validationOf(sheet, 'G207')).toBeUndefined();
    expect((sheet.getCell('C208').value as ExcelJS.CellFormulaValue).formula).toBe(
      'COUNTIF(G7:G206,"Met")&" of "&COUNTA(B7:B206)',
    );
    expect(conditionalRefs(sheet)).toEqual(['G7:G206']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2']));
    expect(sheet.pageSetup.printArea).toBe('A1:G208');
    expect(sheet.getRow(7).height).toBeGreaterThan(15);
  });

  it('repeats the RACI role column per role and the decision row per decision, each cell with its dropdown', async () => {
    const filled = fill(
      bundledTemplate('Accountability-Contract.xlsx'),
      contractWorkbookData(contract, participant, context),
    );
    const sheet = (await loadWorkbook(filled)).getWorksheet('RACI')!;
    expect(['B5', 'C5', 'D5', 'E5', 'F5'].map((a) => sheet.getCell(a).value)).toEqual(contract.raci.roles);
    expect(sheet.getCell('G5').value).toBeNull();
    expect(columnValues(sheet, 'A', 6)).toEqual(contract.raci.decisions.map((d) => d.name));
    contract.raci.decisions.forEach((decision, row) => {
      const letters = ['B', 'C', 'D', 'E', 'F'].map((col) => sheet.getCell(`${col}${row + 6}`).value ?? '');
      expect(letters).toEqual(decision.cells);
    });
    expect(validationOf(sheet, 'F11')).toMatchObject({ type: 'list', formulae: ['"R,A,C,I"'] });
    expect(validationOf(sheet, 'B6')).toMatchObject({ type: 'list' });
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A3:F3']));
    expect(sheet.getColumn('F').width).toBe(15);
    expect(conditionalRefs(sheet)).toEqual(['B6:F11']);
  });

  it('escapes text and emoji in cells and in the print footer', async () => {
    const tricky = {
      ...contract,
      title: trickyText,
      commitments: [{ ...contract.commitments[0], text: trickyText, owner: '<script>' }],
    };
    const filled = fill(
      bundledTemplate('Accountability-Contract.xlsx'),
      contractWorkbookData(tricky, participant, context),
    );
    const sheet = (await loadWorkbook(filled)).getWorksheet('Commitments')!;
    expect(sheet.getCell('A2').value).toBe(trickyText);
    expect(sheet.getCell('B7').value).toBe(trickyText);
    expect(sheet.getCell('C7').value).toBe('<script>');
    expect(sheetXml(filled, 1)).toContain('Accountability contract · Fix &lt;script&gt;&amp;&amp;&quot;quotes&quot;');
  });

  it('keeps one blank row and column when a list is empty, so formulas stay valid', async () => {
    const empty = { ...contract, commitments: [], raci: { roles: [], decisions: [] } };
    const workbook = await loadWorkbook(
      fill(bundledTemplate('Accountability-Contract.xlsx'), contractWorkbookData(empty, participant, context)),
    );
    const commitments = workbook.getWorksheet('Commitments')!;
    expect(commitments.getCell('B7').value).toBeNull();
    expect((commitments.getCell('C9').value as ExcelJS.CellFormulaValue).formula).toBe(
      'COUNTIF(G7:G7,"Met")&" of "&COUNTA(B7:B7)',
    );
    expect(workbook.getWorksheet('RACI')!.getCell('B5').value).toBeNull();
  });
});

describe('filling a coach’s own workbook', () => {
  it('fills a placeholder split over rich-text runs and moves a formula on another sheet', async () => {
    const template = await workbookBytes((workbook) => {
      const commitments = workbook.addWorksheet('Commitments');
      commitments.getCell('A1').value = {
        richText: [{ text: 'Contract: {{contract.' }, { font: { bold: true }, text: 'title}}' }],
      };
      commitments.getCell('A3').value = '{{#commitments}}{{commitment.text}}';
      commitments.getCell('B3').value = '{{commitment.reviewCadenceWeeks}}';
      commitments.getCell('C3').value = { formula: 'B3*7', result: 0 };
      commitments.getCell('A5').value = 'End';
      workbook.addWorksheet('RACI');
      workbook.addWorksheet('Summary').getCell('A1').value = { formula: 'SUM(Commitments!B3:B3)', result: 0 };
    });
    const filled = fill(template, contractWorkbookData(contract, participant, context));
    const workbook = await loadWorkbook(filled);
    const sheet = workbook.getWorksheet('Commitments')!;
    const title = sheet.getCell('A1').value as ExcelJS.CellRichTextValue;
    expect(title.richText.map((run) => run.text).join('')).toBe(`Contract: ${contract.title}`);
    expect(title.richText[0].font?.bold).toBeFalsy();
    expect(columnValues(sheet, 'B', 3).slice(0, 5)).toEqual([1, 2, 2, 6, 2]);
    expect((sheet.getCell('C7').value as ExcelJS.CellFormulaValue).formula).toBe('B7*7');
    expect(sheet.getCell('A9').value).toBe('End');
    expect((workbook.getWorksheet('Summary')!.getCell('A1').value as ExcelJS.CellFormulaValue).formula).toBe(
      'SUM(Commitments!B3:B7)',
    );
    expect(strFromU8(unzip(filled)['xl/workbook.xml'])).toContain('fullCalcOnLoad="1"');
  });

  it('keeps a range inside a repeated row on its own copy, and its format checks with it', async () => {
    const template = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Commitments');
      sheet.getCell('A7').value = '{{#commitments}}{{commitment.text}}';
      sheet.getCell('E7').value = { formula: 'COUNTA(B7:D7)', result: 0 };
      sheet.getCell('F7').value = { formula: 'COUNTIF(B7:B7,"A")', result: 0 };
      sheet.addConditionalFormatting({
        ref: 'F7',
        rules: [{ type: 'expression', priority: 1, formulae: ['COUNTIF($B7:$D7,"A")<>1'], style: {} }],
      });
      sheet.getCell('E9').value = { formula: 'SUM(E7:E7)', result: 0 };
      workbook.addWorksheet('RACI');
    });
    const filled = fill(template, contractWorkbookData(withCommitments(20), participant, context));
    const sheet = (await loadWorkbook(filled)).getWorksheet('Commitments')!;
    const formulaAt = (address: string) => (sheet.getCell(address).value as ExcelJS.CellFormulaValue).formula;
    expect([formulaAt('E7'), formulaAt('E8'), formulaAt('E26')]).toEqual([
      'COUNTA(B7:D7)',
      'COUNTA(B8:D8)',
      'COUNTA(B26:D26)',
    ]);
    expect([formulaAt('F7'), formulaAt('F8')]).toEqual(['COUNTIF(B7:B7,"A")', 'COUNTIF(B8:B8,"A")']);
    expect(formulaAt('E28')).toBe('SUM(E7:E26)');
    expect(sheetXml(filled, 1)).toContain('<formula>COUNTIF($B7:$D7,&quot;A&quot;)&lt;&gt;1</formula>');
    expect(conditionalRefs(sheet)).toEqual(['F7:F26']);
  });
});

describe('references when a row or column repeats', () => {
  const rows = (at: number, count: number) => ({ axis: 'row' as const, at, count });

  it('moves and stretches references in formulas, leaving strings and function names alone', () => {
    expect(shiftFormula('COUNTIF(G7:G7,"G7")+$A$9+LOG10(A8)', 'S', 'S', rows(7, 3))).toBe(
      'COUNTIF(G7:G9,"G7")+$A$11+LOG10(A10)',
    );
    expect(shiftFormula("SUM('My Sheet'!B2:B8)+B8", 'Other', 'My Sheet', rows(5, 0))).toBe("SUM('My Sheet'!B2:B7)+B8");
    expect(shiftFormula('Commitments!$6:$6', '\u0000', 'Commitments', rows(7, 5))).toBe('Commitments!$6:$6');
    expect(shiftFormula('A7', 'S', 'S', rows(7, 0))).toBe('#REF!');
    expect(shiftFormula('SUM(B2:D2)', 'S', 'S', { axis: 'col', at: 3, count: 4 })).toBe('SUM(B2:G2)');
    expect(copyFormula('A7*$B7+C$7+SUM(B7:D7)+SUM(B$7:B$7)+A9', 'S', rows(7, 3), 2)).toBe(
      'A9*$B9+C$7+SUM(B9:D9)+SUM(B$7:B$9)+A11',
    );
  });

  it('maps every reference consistently with the span it covers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        (start, length, at, count) => {
          const end = start + length;
          const moved = transformRef(`A${start}:C${end}`, rows(at, count));
          const span = mapSpan(start, end, rows(at, count));
          expect(moved).toBe(span ? `A${span[0]}:C${span[1]}` : null);
          if (span) expect(span[1] - span[0]).toBe(length + (start <= at && at <= end ? count - 1 : 0));
        },
      ),
    );
  });
});
