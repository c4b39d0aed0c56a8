// The KPI workbook, written and read back with exceljs: the summary a sponsor reads and the weekly
// numbers behind every chart.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildKpiWorkbook, workbookFileName } from '../../../renderer/metrics/kpi-workbook';
import { computeMetrics } from '../../../shared/metrics/metrics-report';
import { emptyRecords } from '../../../shared/metrics/metric-records';
import { NOW, RANGE, records, TIME_ZONE } from './fixture';

const request = {
  scope: { kind: 'everyone' as const },
  range: RANGE,
  baseline: { kind: 'first-two-weeks' as const },
  timeZone: TIME_ZONE,
  now: NOW,
};

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

describe('the KPI workbook', () => {
  it('holds a summary row per measure with numbers, targets and ratings', async () => {
    const workbook = await readBack(await buildKpiWorkbook(computeMetrics(records, request)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Weekly data', 'Teams']);
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('B2').value).toBe('Everyone');
    expect(summary.getCell('B3').value).toBe('2026-03-02 to 2026-03-29');
    expect(summary.getCell('B4').value).toBe('2026-02-16 to 2026-03-01');
    const conversion = summary.getRow(7);
    expect(conversion.getCell(1).value).toBe('Coaching-to-action conversion');
    expect(conversion.getCell(2).value).toBe(0.5);
    expect(conversion.getCell(3).value).toBeCloseTo(4 / 7, 10);
    expect(conversion.getCell(3).numFmt).toBe('0%');
    expect(conversion.getCell(5).value).toBe('Close to target');
    const followThrough = summary.getRow(8);
    expect(followThrough.getCell(4).value).toBe(
      '20% relative improvement on the baseline; until there is one, 80% or more met on time (60%)',
    );
    expect(followThrough.getCell(5).value).toBe('Off target');
    expect(summary.getRow(9).getCell(3).value).toBe(2); // mean days to unblock
    expect(summary.getRow(14).getCell(1).value).toBe('Follow-up rate');
    expect(summary.getRow(15).getCell(1).value).toBe('Sessions with a pulse');
  });

  it('holds the weekly data behind the charts', async () => {
    const workbook = await readBack(await buildKpiWorkbook(computeMetrics(records, request)));
    const weekly = workbook.getWorksheet('Weekly data')!;
    expect(weekly.rowCount).toBe(5);
    expect(weekly.getRow(1).getCell(4).value).toBe('Conversion to date');
    const firstWeek = weekly.getRow(2);
    expect((firstWeek.getCell(1).value as Date).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(firstWeek.getCell(2).value).toBe(3);
    expect(firstWeek.getCell(4).value).toBeCloseTo(1 / 3, 10);
    expect(weekly.getRow(5).getCell(12).value).toBe(1.5); // coaching hours, week of 23 March
    const teams = workbook.getWorksheet('Teams')!;
    expect(teams.getRow(2).values).toEqual([undefined, 'Finance', 1, 1 / (28 / 30.436875)]);
  });

  it('writes "No data" rather than an empty or broken cell when there is nothing to measure', async () => {
    const workbook = await readBack(await buildKpiWorkbook(computeMetrics(emptyRecords, request)));
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('B4').value).toBe('None: no sessions yet');
    expect(summary.getRow(7).getCell(3).value).toBe('No data');
    expect(summary.getRow(7).getCell(5).value).toBe('Not enough data');
  });

  it('names the file after the scope and the period', () => {
    expect(workbookFileName(computeMetrics(records, request))).toBe('KPIs Everyone 2026-03-02 to 2026-03-29.xlsx');
  });
});
