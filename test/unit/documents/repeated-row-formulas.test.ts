// The rule for formulas when a template row repeats, checked over generated templates: a reference
// inside the repeated row moves with its copy, a range spanning the whole repeated block grows
// with it, and references outside the row stay where they point.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8 } from 'fflate';
import type ExcelJS from 'exceljs';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { contractWorkbookData } from '../../../renderer/documents/build-data';
import { escapeXml } from '../../../renderer/documents/xml-text';
import { context, contract, participant } from './fixtures';
import { workbookBytes } from './template-builders';
import { loadWorkbook, unzip } from './read-back';

/** Where the repeated row is, how many copies it became, and where a line of the template lands. */
type Layout = { at: number; copies: number };
const lastCopy = ({ at, copies }: Layout) => at + copies - 1;
const landing = (line: number, layout: Layout) => (line > layout.at ? line + layout.copies - 1 : line);

/** A reference written in the template, and what it must read in copy `i` (outside the row: i = 0). */
type Reference = { text: (at: number) => string; expected: (layout: Layout, i: number) => string };

const inRow: Record<string, Reference> = {
  rowLocalRange: { text: (at) => `COUNTA(B${at}:D${at})`, expected: ({ at }, i) => `COUNTA(B${at + i}:D${at + i})` },
  rowLocalCell: { text: (at) => `C${at}`, expected: ({ at }, i) => `C${at + i}` },
  blockSpanning: {
    text: (at) => `SUM(B$${at}:B$${at})`,
    expected: (layout) => `SUM(B$${layout.at}:B$${lastCopy(layout)})`,
  },
  runningFromHeader: { text: (at) => `SUM(B$1:B${at})`, expected: ({ at }, i) => `SUM(B$1:B${at + i})` },
  outsideAbove: { text: () => `$C$1`, expected: () => `$C$1` },
  outsideBelow: { text: (at) => `D${at + 4}`, expected: (layout) => `D${landing(layout.at + 4, layout)}` },
};

const outside: Record<string, Reference> = {
  blockTotal: { text: (at) => `SUM(B${at}:B${at})`, expected: (layout) => `SUM(B${layout.at}:B${lastCopy(layout)})` },
  firstCopy: { text: (at) => `B${at}`, expected: ({ at }) => `B${at}` },
  below: { text: (at) => `$D$${at + 5}`, expected: (layout) => `$D$${landing(layout.at + 5, layout)}` },
};

const formulaOf = (refs: Reference[], read: 'text' | 'expected', layout: Layout, i = 0) =>
  refs.map((ref) => (read === 'text' ? ref.text(layout.at) : ref.expected(layout, i))).join('+');

const pick = (kinds: Record<string, Reference>) =>
  fc.array(fc.constantFrom(...Object.values(kinds)), { minLength: 1, maxLength: 4 });

function fillWith(template: Uint8Array, items: number): Uint8Array {
  const opened = openTemplate(template, 'contract-workbook', 'coach.xlsx');
  if (!opened.ok) throw new Error(opened.error);
  const commitments = Array.from({ length: items }, (_, n) => ({
    ...contract.commitments[0],
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  }));
  const filled = fillTemplate(opened.value, contractWorkbookData({ ...contract, commitments }, participant, context), {
    locale: 'en-GB',
  });
  if (!filled.ok) throw new Error(filled.error);
  return filled.value;
}

describe('formulas of a coach’s workbook whose row repeats', () => {
  it('follow each copy, grow over the block, and stay outside, in cells, formats and validations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        pick(inRow),
        pick(outside),
        async (at, items, rowRefs, outsideRefs) => {
          const template: Layout = { at, copies: 1 };
          const totalsRow = at + 2;
          const bytes = await workbookBytes((workbook) => {
            const sheet = workbook.addWorksheet('Commitments');
            sheet.getCell(`A${at}`).value = '{{#commitments}}{{commitment.text}}';
            sheet.getCell(`E${at}`).value = { formula: formulaOf(rowRefs, 'text', template), result: 0 };
            sheet.getCell(`E${totalsRow}`).value = { formula: formulaOf(outsideRefs, 'text', template), result: 0 };
            const rule = `${formulaOf(rowRefs, 'text', template)}>0`;
            sheet.addConditionalFormatting({
              ref: `F${at}`,
              rules: [{ type: 'expression', priority: 1, formulae: [rule], style: {} }],
            });
            sheet.getCell(`G${at}`).dataValidation = { type: 'custom', formulae: [rule] };
            workbook.addWorksheet('RACI');
          });
          const filled = fillWith(bytes, items);
          const layout: Layout = { at, copies: Math.max(1, items) };
          const sheet = (await loadWorkbook(filled)).getWorksheet('Commitments')!;
          const formulaAt = (address: string) => (sheet.getCell(address).value as ExcelJS.CellFormulaValue).formula;
          for (let i = 0; i < layout.copies; i++) {
            expect(formulaAt(`E${at + i}`)).toBe(formulaOf(rowRefs, 'expected', layout, i));
          }
          expect(formulaAt(`E${landing(totalsRow, layout)}`)).toBe(formulaOf(outsideRefs, 'expected', layout));
          const xml = strFromU8(unzip(filled)['xl/worksheets/sheet1.xml']);
          const firstCopyRule = escapeXml(`${formulaOf(rowRefs, 'expected', layout, 0)}>0`);
          expect(xml).toContain(`<formula>${firstCopyRule}</formula>`);
          expect(xml).toContain(`<formula1>${firstCopyRule}</formula1>`);
        },
      ),
      { numRuns: 40 },
    );
  });
});
