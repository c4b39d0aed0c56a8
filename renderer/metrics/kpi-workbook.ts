// The KPI workbook for a sponsor review: a Summary sheet (each measure now and at baseline, its
// target, rating and definition), the Weekly data behind every chart, and the Teams behind the
// experiment rate. exceljs is imported when the coach exports, never at start-up.
import { measureCatalogue, type MeasureUnit } from '../../shared/metrics/catalogue';
import type { MetricsReport } from '../../shared/metrics/metrics-report';
import { formatValue } from '../../shared/metrics/format';
import { ratingLabels } from '../../shared/metrics/targets';
import type { WeekRow } from '../../shared/metrics/weekly-trends';
import { dayNumber } from '../../shared/metrics/calendar-days';

const numberFormats: Record<MeasureUnit, string> = {
  percent: '0%',
  days: '0.0 "days"',
  score: '0.0',
  'per-team-month': '0.00',
  'hours-per-leader-month': '0.0',
};

type WeekColumn = { header: string; key: keyof WeekRow; width: number; numFmt?: string };

const weekColumns: WeekColumn[] = [
  { header: 'Week of (Monday)', key: 'weekStart', width: 16, numFmt: 'd mmm yyyy' },
  { header: 'Actions logged', key: 'actionsLogged', width: 10 },
  { header: 'Actions completed', key: 'actionsCompleted', width: 11 },
  { header: 'Conversion to date', key: 'conversionToDate', width: 12, numFmt: '0%' },
  { header: 'Commitments due', key: 'commitmentsDue', width: 12 },
  { header: 'Met on time', key: 'commitmentsMetOnTime', width: 10 },
  { header: 'Follow-through', key: 'followThrough', width: 12, numFmt: '0%' },
  { header: 'Blocks raised', key: 'blocksRaised', width: 10 },
  { header: 'Unblocked', key: 'blocksUnblocked', width: 10 },
  { header: 'Mean days to unblock', key: 'meanDaysToUnblock', width: 12, numFmt: '0.0' },
  { header: 'Sessions', key: 'sessions', width: 9 },
  { header: 'Coaching hours', key: 'coachingHours', width: 10, numFmt: '0.0' },
  { header: 'Sessions with a pulse', key: 'sessionsWithPulse', width: 11 },
  { header: 'Quality index (median pulse)', key: 'qualityMedian', width: 13, numFmt: '0.0' },
  { header: 'Share with a pulse', key: 'pulseShare', width: 11, numFmt: '0%' },
  { header: 'Action within 24 h', key: 'actionWithin24h', width: 11, numFmt: '0%' },
  { header: 'Follow-up rate', key: 'followUpRate', width: 10, numFmt: '0%' },
  { header: 'Experiments completed', key: 'experiments', width: 12 },
];

const excelDate = (date: string) => new Date(dayNumber(date) * 86_400_000);

const FONT = 'Calibri';
const LINE_HEIGHT = 15;

type Sheet = import('exceljs').Worksheet;
type Row = import('exceljs').Row;

/** Spreadsheet apps do not grow a row for wrapped text written by a library, so size it here. */
function linesNeeded(row: Row, sheet: Sheet): number {
  let lines = 1;
  row.eachCell((cell, column) => {
    const width = sheet.getColumn(column).width ?? 10;
    lines = Math.max(lines, Math.ceil(String(cell.value ?? '').length / (width * 1.1)));
  });
  return lines;
}

export async function buildKpiWorkbook(report: MetricsReport): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Followthrough';
  workbook.created = new Date(report.computedAt);

  const summary = workbook.addWorksheet('Summary', {
    views: [{ state: 'frozen', ySplit: 6 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  summary.columns = [
    { key: 'measure', width: 32 },
    { key: 'baseline', width: 14 },
    { key: 'now', width: 14 },
    { key: 'target', width: 30 },
    { key: 'rating', width: 18 },
    { key: 'detail', width: 48 },
    { key: 'definition', width: 72 },
  ];
  summary.addRow(['Coaching KPIs']).font = { name: FONT, size: 16, bold: true };
  summary.addRow(['Who', report.scopeLabel]);
  summary.addRow(['Period', `${report.range.from} to ${report.range.to}`]);
  summary.addRow([
    'Baseline',
    report.baselineRange ? `${report.baselineRange.from} to ${report.baselineRange.to}` : 'None: no sessions yet',
  ]);
  summary.addRow([
    'Computed',
    `${new Date(report.computedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC; days and weeks in ${report.timeZone}`,
  ]);
  const header = summary.addRow([
    'Measure',
    'Baseline',
    'Now',
    'Pilot target (program guide §6)',
    'Status',
    'What it is made of',
    'How it is computed',
  ]);
  header.font = { name: FONT, bold: true };
  header.border = { bottom: { style: 'thin' } };
  for (const measure of report.measures) {
    const definition = measureCatalogue[measure.key];
    const row = summary.addRow([
      definition.label,
      measure.baseline,
      measure.value,
      definition.targetText +
        (measure.goal !== null && measure.baseline !== null && definition.target.kind === 'change-vs-baseline'
          ? ` (${formatValue(definition.unit, measure.goal)})`
          : ''),
      ratingLabels[measure.rating],
      measure.detail,
      definition.definition,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    for (const column of [2, 3]) {
      const cell = row.getCell(column);
      if (cell.value === null) cell.value = 'No data';
      else cell.numFmt = numberFormats[definition.unit];
      cell.alignment = { vertical: 'top', horizontal: 'right' };
    }
    row.height = LINE_HEIGHT * linesNeeded(row, summary);
  }

  const weekly = workbook.addWorksheet('Weekly data', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  weekly.columns = weekColumns.map(({ header, key, width, numFmt }) => ({
    header,
    key,
    width,
    style: numFmt ? { numFmt } : {},
  }));
  weekly.getRow(1).font = { name: FONT, bold: true };
  weekly.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  weekly.getRow(1).height = LINE_HEIGHT * 3;
  for (const week of report.weeks) weekly.addRow({ ...week, weekStart: excelDate(week.weekStart) });

  const teams = workbook.addWorksheet('Teams');
  teams.columns = [
    { header: 'Team', key: 'team', width: 28 },
    { header: 'Experiments completed', key: 'experiments', width: 14 },
    { header: 'Per month', key: 'perMonth', width: 12, style: { numFmt: '0.00' } },
  ];
  teams.getRow(1).font = { name: FONT, bold: true };
  for (const team of report.teams) teams.addRow(team);

  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export const workbookFileName = (report: MetricsReport) =>
  `KPIs ${report.scopeLabel.replace(/[^\p{L}\p{N} -]+/gu, '')} ${report.range.from} to ${report.range.to}.xlsx`;
