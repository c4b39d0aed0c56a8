// Accountability-Contract.xlsx: page 1 the commitments with owner, acceptance criteria, review
// cadence and status; page 2 a RACI of the team's high-frequency decisions, a dropdown of R/A/C/I
// in every cell (program guide, section 9). Both sheets print landscape on A4, one page wide.
import type ExcelJS from 'exceljs';
import { columnLetters } from '../../renderer/documents/xlsx/cell-refs';
import type { ItemSlots, Slots } from './slots';

const teal = 'FF0F766E';
const tealSoft = 'FFE6F4F2';
const slate = 'FF1F2937';
const muted = 'FF64748B';
const hairline = 'FFCBD5E1';
const white = 'FFFFFFFF';
const font = 'Calibri';

const thin = { style: 'thin' as const, color: { argb: hairline } };
const box = { top: thin, bottom: thin, left: thin, right: thin };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const DATE_FORMAT = 'd mmm yyyy';

type Value = string | number | Date | null;

function write(cell: ExcelJS.Cell, value: Value, style: Partial<ExcelJS.Style> = {}): void {
  cell.value = value;
  cell.style = {
    font: { name: font, size: 10, color: { argb: slate } },
    alignment: { vertical: 'top', wrapText: true },
    ...style,
  };
}

const label = (cell: ExcelJS.Cell, text: string) =>
  write(cell, text.toUpperCase(), {
    font: { name: font, size: 8, bold: true, color: { argb: teal } },
    alignment: { vertical: 'bottom' },
  });

const header = (cell: ExcelJS.Cell, text: Value) =>
  write(cell, text, {
    font: { name: font, size: 10, bold: true, color: { argb: white } },
    fill: fill(teal),
    border: box,
    alignment: { vertical: 'middle', horizontal: 'left', wrapText: true, indent: 1 },
  });

const body = (cell: ExcelJS.Cell, value: Value, extra: Partial<ExcelJS.Style> = {}) =>
  write(cell, value, {
    border: box,
    alignment: { vertical: 'top', horizontal: 'left', wrapText: true, indent: 1 },
    ...extra,
  });

function titleBlock(sheet: ExcelJS.Worksheet, eyebrow: string, title: Value, lastColumn: string): void {
  sheet.mergeCells(`A1:${lastColumn}1`);
  sheet.mergeCells(`A2:${lastColumn}2`);
  write(sheet.getCell('A1'), eyebrow.toUpperCase(), {
    font: { name: font, size: 9, bold: true, color: { argb: teal } },
    alignment: { vertical: 'bottom' },
  });
  write(sheet.getCell('A2'), title, {
    font: { name: font, size: 18, bold: true, color: { argb: slate } },
    alignment: { vertical: 'middle' },
  });
  sheet.getRow(1).height = 18;
  sheet.getRow(2).height = 30;
}

function printSetup(sheet: ExcelJS.Worksheet, titleRows: string, footerLeft: string): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: titleRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  } as ExcelJS.PageSetup;
  sheet.headerFooter = { oddFooter: `&L&8${footerLeft}&R&8Page &P of &N` } as ExcelJS.HeaderFooter;
}

const statusList = ['On track', 'At risk', 'Missed', 'Met'];
const statusColours: Record<string, [string, string]> = {
  'On track': [tealSoft, teal],
  'At risk': ['FFFFF4E0', 'FFA15C07'],
  Missed: ['FFFDECEA', 'FFB42318'],
  Met: ['FFE5F5EA', 'FF1D7A3C'],
};

function commitmentRow(sheet: ExcelJS.Worksheet, row: number, item: ItemSlots): void {
  body(sheet.getCell(`A${row}`), item.value('commitment.number'), {
    font: { name: font, size: 10, bold: true, color: { argb: teal } },
    alignment: { vertical: 'top', horizontal: 'center' },
  });
  body(sheet.getCell(`B${row}`), `${item.marker}${item.text('commitment.text')}`);
  body(sheet.getCell(`C${row}`), item.value('commitment.owner'));
  body(sheet.getCell(`D${row}`), item.value('commitment.acceptanceCriteria'));
  body(sheet.getCell(`E${row}`), item.value('commitment.reviewCadence'));
  body(sheet.getCell(`F${row}`), item.value('commitment.dueDate'), {
    numFmt: DATE_FORMAT,
    alignment: { vertical: 'top', horizontal: 'left', indent: 1 },
  });
  body(sheet.getCell(`G${row}`), item.value('commitment.status'), {
    font: { name: font, size: 10, bold: true, color: { argb: slate } },
  });
  sheet.getCell(`G${row}`).dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${statusList.join(',')}"`],
    showErrorMessage: true,
    errorTitle: 'Status',
    error: `Choose one of: ${statusList.join(', ')}.`,
  };
}

function commitmentsSheet(workbook: ExcelJS.Workbook, slots: Slots): void {
  const sheet = workbook.addWorksheet('Commitments', {
    properties: { tabColor: { argb: teal } },
    views: [{ state: 'frozen', ySplit: 6, showGridLines: false }],
  });
  sheet.columns = [6, 44, 20, 44, 17, 14, 13].map((width) => ({ width }));
  titleBlock(sheet, 'Accountability contract', slots.text('contract.title'), 'G');
  const meta: [string, string, Value, Partial<ExcelJS.Style>?][] = [
    ['B', 'Leader', slots.value('participant.name')],
    ['C', 'Team', slots.value('contract.team')],
    ['D', 'Started', slots.value('contract.startDate'), { numFmt: DATE_FORMAT, alignment: { horizontal: 'left' } }],
    ['E', 'Review', slots.value('contract.reviewCadence')],
    [
      'F',
      'Next review',
      slots.value('contract.nextReviewDate'),
      { numFmt: DATE_FORMAT, alignment: { horizontal: 'left' } },
    ],
    ['G', 'Status', slots.value('contract.status')],
  ];
  for (const [column, title, value, style] of meta) {
    label(sheet.getCell(`${column}3`), title);
    write(sheet.getCell(`${column}4`), value, { font: { name: font, size: 11, color: { argb: slate } }, ...style });
  }
  sheet.getRow(5).height = 8;
  const headers = ['#', 'Commitment', 'Owner', 'Acceptance criteria', 'Review cadence', 'Due date', 'Status'];
  headers.forEach((title, i) => header(sheet.getRow(6).getCell(i + 1), title));
  sheet.getRow(6).height = 24;
  const rows = slots.each('commitments', (item, index) => {
    commitmentRow(sheet, 7 + index, item);
    return 7 + index;
  });
  const last = rows.length ? rows[rows.length - 1] : 6;
  if (rows.length) {
    sheet.addConditionalFormatting({
      ref: `G7:G${last}`,
      rules: statusList.map((status, priority) => ({
        type: 'cellIs',
        operator: 'equal',
        priority: priority + 1,
        formulae: [`"${status}"`],
        style: {
          fill: fill(statusColours[status][0]),
          font: { color: { argb: statusColours[status][1] }, bold: true },
        },
      })),
    });
  }
  const summary = last + 2;
  write(sheet.getCell(`B${summary}`), 'Commitments met', {
    font: { name: font, size: 10, bold: true, color: { argb: muted } },
    alignment: { horizontal: 'right' },
  });
  sheet.getCell(`C${summary}`).value = {
    formula: `COUNTIF(G7:G${last},"Met")&" of "&COUNTA(B7:B${last})`,
    result: '',
  } as ExcelJS.CellFormulaValue;
  sheet.getCell(`C${summary}`).style = { font: { name: font, size: 10, bold: true, color: { argb: teal } } };
  printSetup(sheet, '6:6', `Accountability contract · ${slots.text('contract.title')}`);
  sheet.pageSetup.printArea = `A1:G${summary}`;
}

const raciColours: Record<string, [string, string]> = {
  R: [tealSoft, teal],
  A: [teal, white],
  C: ['FFFFF4E0', 'FFA15C07'],
  I: ['FFF0F2F5', muted],
};

function raciSheet(workbook: ExcelJS.Workbook, slots: Slots): void {
  const sheet = workbook.addWorksheet('RACI', {
    properties: { tabColor: { argb: teal } },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 5, showGridLines: false }],
  });
  const roleColumns = slots.across(slots, 'roles', (_role, column) => column);
  const lastColumn = columnLetters(1 + Math.max(1, roleColumns.length));
  sheet.getColumn(1).width = 46;
  roleColumns.forEach((column) => (sheet.getColumn(column + 2).width = 15));
  titleBlock(sheet, 'Decision rights · RACI', slots.text('contract.title'), lastColumn);
  sheet.mergeCells(`A3:${lastColumn}3`);
  write(
    sheet.getCell('A3'),
    'R = Responsible: does the work   ·   A = Accountable: decides, one per decision   ·   C = Consulted before   ·   I = Informed after',
    {
      font: { name: font, size: 9, italic: true, color: { argb: muted } },
    },
  );
  header(sheet.getCell('A5'), 'Decision');
  slots.across(slots, 'roles', (role, column) =>
    header(sheet.getRow(5).getCell(column + 2), `${role.marker}${role.text('role.name')}`),
  );
  sheet.getCell('A5').alignment = { vertical: 'middle', horizontal: 'left', indent: 1 };
  sheet.getRow(5).height = 30;
  const rows = slots.each('decisions', (decision, index) => {
    const row = 6 + index;
    body(sheet.getCell(`A${row}`), `${decision.marker}${decision.text('decision.name')}`, {
      alignment: { vertical: 'middle', horizontal: 'left', wrapText: true, indent: 1 },
    });
    slots.across(decision, 'roles', (letter, column) => {
      const target = sheet.getRow(row).getCell(column + 2);
      body(target, letter.value('decision.letter'), {
        font: { name: font, size: 11, bold: true, color: { argb: slate } },
        alignment: { horizontal: 'center', vertical: 'middle' },
      });
      target.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"R,A,C,I"'],
        showErrorMessage: true,
        errorTitle: 'RACI',
        error: 'Use R (responsible), A (accountable), C (consulted) or I (informed).',
      };
    });
    sheet.getRow(row).height = 22;
    return row;
  });
  if (rows.length && roleColumns.length) {
    sheet.addConditionalFormatting({
      ref: `B6:${lastColumn}${rows[rows.length - 1]}`,
      rules: Object.entries(raciColours).map(([letter, [background, text]], priority) => ({
        type: 'cellIs',
        operator: 'equal',
        priority: priority + 1,
        formulae: [`"${letter}"`],
        style: { fill: fill(background), font: { color: { argb: text }, bold: true } },
      })),
    });
  }
  printSetup(sheet, '5:5', 'Decision rights (RACI)');
}

export function contractWorkbook(workbook: ExcelJS.Workbook, slots: Slots): void {
  workbook.creator = 'Followthrough';
  workbook.title = 'Accountability contract';
  commitmentsSheet(workbook, slots);
  raciSheet(workbook, slots);
}
