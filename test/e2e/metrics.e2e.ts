import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { MetricsPage } from './pages/metrics-page';
import { screenshotDir } from './screenshots';
import { parseCsv } from '../../shared/csv';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const ratingFor = (percent: number) => (percent >= 60 ? 'On target' : percent >= 45 ? 'Close to target' : 'Off target');

describe('the Metrics page with a generated program', () => {
  it('shows conversion with its rating, definition and weekly data, and narrows to one participant', async () => {
    app = await launchApp({ hash: '?demo=small#/metrics' });
    const metrics = new MetricsPage(app.page);
    await metrics.waitForMeasures();

    // The scorecard's conversion agrees with the counts in its panel and with the 60% / 45% bars.
    const [, now, target, status] = await metrics.scorecardCells('Coaching-to-action conversion');
    expect(target).toBe('60% or more within 90 days');
    const panel = metrics.panel('Coaching-to-action conversion');
    const detail = await panel.locator('.measure-detail').textContent();
    const [, completed, logged] = detail!.match(/^([\d,]+) of ([\d,]+) actions done or verified/)!;
    const percent = Math.round((100 * Number(completed.replace(/,/g, ''))) / Number(logged.replace(/,/g, '')));
    expect(now).toBe(`${percent}%`);
    expect(status).toBe(ratingFor(percent));
    await expect(panel.locator('.rating').textContent()).resolves.toBe(status);
    await panel.getByText('How it is computed.').waitFor();

    // The chart has a text alternative and its numbers are in a table; the last week is the headline.
    await expect(panel.getByRole('figure').getAttribute('aria-label')).resolves.toMatch(
      /^Conversion to date.*Target 60%\./,
    );
    await panel.getByText(/^Weekly data/).click();
    const lastRow = panel.getByRole('table').getByRole('row').last();
    await expect(lastRow.getByRole('cell').first().textContent()).resolves.toBe(`${percent}%`);

    // Measures with no target, and signals for the coach, still say so in words.
    const [, , , hoursStatus] = await metrics.scorecardCells('Coaching hours');
    expect(hoursStatus).toBe('No pilot target');

    const firstParticipant = (await app.page
      .getByLabel('Who')
      .locator('optgroup[label="Participants"] option')
      .first()
      .textContent())!;
    await metrics.chooseScope(firstParticipant);
    await metrics
      .subtitle()
      .filter({ hasText: new RegExp(`^${firstParticipant} · `) })
      .waitFor();

    // Chosen dates are typed as any date is; a date on the wrong side of the other end is said
    // next to it and changes nothing.
    const filters = app.page.getByRole('region', { name: 'What the measures cover' });
    await filters.locator('#metrics-period').selectOption('custom');
    const from = filters.getByLabel('From', { exact: true });
    await from.fill('1 jan 2026');
    await metrics.subtitle().filter({ hasText: ' · 1 Jan – ' }).waitFor();
    await from.fill('1 jan 2099');
    await filters.getByText(/^From, Thu 1 Jan 2099, must not come after To$/).waitFor();
    await metrics.subtitle().filter({ hasText: ' · 1 Jan – ' }).waitFor();
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });

  it('downloads a KPI workbook that holds the scorecard', async () => {
    app = await launchApp({ hash: '?demo=small#/metrics' });
    const metrics = new MetricsPage(app.page);
    await metrics.waitForMeasures();
    const [, now] = await metrics.scorecardCells('Coaching-to-action conversion');
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Download KPI workbook' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^KPIs Everyone \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)).buffer as ArrayBuffer);
    const conversion = workbook.getWorksheet('Summary')!.getRow(7);
    expect(conversion.getCell(1).value).toBe('Coaching-to-action conversion');
    expect(`${Math.round(Number(conversion.getCell(3).value) * 100)}%`).toBe(now);
    expect(workbook.getWorksheet('Weekly data')!.rowCount).toBeGreaterThan(10);
  });

  it('downloads measurement fields that say what the page says, named after scope and period', async () => {
    app = await launchApp({ hash: '?demo=small#/metrics' });
    const metrics = new MetricsPage(app.page);
    await metrics.waitForMeasures();
    const [, hoursNow, hoursTarget] = await metrics.scorecardCells('Coaching hours');
    expect(hoursNow).toMatch(/^\d+\.\d h \/ leader \/ month$/);
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Measurement fields (.csv)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Measurement fields - Everyone - \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\.csv$/,
    );
    const [header, ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
    const hours = rows.find((row) => row[0] === 'coaching_hours')!;
    expect(`${hours[header.indexOf('current_value')]} h / leader / month`).toBe(hoursNow);
    expect(hours[header.indexOf('pilot_target')]).toBe(hoursTarget);
  });

  it.each(['light', 'dark'] as const)('reads in the %s theme', async (colorScheme) => {
    app = await launchApp({ colorScheme, hash: '?demo=medium#/metrics' });
    const metrics = new MetricsPage(app.page);
    await metrics.waitForMeasures();
    const background = await metrics
      .panel('1:1 quality index')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(27, 32, 41)');
    await app.page.screenshot({ path: `${screenshotDir}/metrics-${colorScheme}.png`, fullPage: true });
  });
});
