// Every table reads whole at the widths coaches' laptops give the window: no cell or field in the
// action log, the Actions page or the RACI cuts its text, and no column hides behind a scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { screenshotDir } from './screenshots';
import { cutText } from './table-fit';

let app: AppBrowser;
beforeAll(async () => {
  app = await launchApp({ hash: '?demo=small' });
  await app.page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
});
afterAll(() => app.close());

describe.each([1280, 960])('tables at %i px', (width) => {
  it('show the whole action log of a session with long names', async () => {
    const { page } = app;
    await page.setViewportSize({ width, height: 800 });
    const log = (await new AppShell(page).openCompletedSession()).actionLog();
    await log.getByRole('textbox', { name: 'Action', exact: true }).first().waitFor();
    // The longest owner and action a coach is likely to type in one line.
    await log.getByRole('textbox', { name: 'Owner', exact: true }).first().fill('Amara Okafor-Whitfield');
    await log.getByRole('textbox', { name: 'Owner', exact: true }).first().blur();
    expect(await cutText(log)).toEqual([]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshotDir}/action-log-${width}-${colorScheme}.png` });
    }
  });

  it('show the whole Actions page', async () => {
    const { page } = app;
    await page.setViewportSize({ width, height: 800 });
    await new AppShell(page).goTo('Actions');
    const list = page.getByRole('region', { name: 'Action list' });
    await list.getByRole('row').nth(1).waitFor();
    expect(await cutText(list)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/actions-${width}.png` });
  });

  it('show every role column of a RACI', async () => {
    const { page } = app;
    await page.setViewportSize({ width, height: 800 });
    await new AppShell(page).goTo('Contracts');
    await page.getByRole('region', { name: 'Contract list' }).getByRole('link').first().click();
    const raci = page.getByRole('region', { name: 'Decision rights' });
    await raci.getByRole('grid', { name: 'RACI' }).waitFor();
    await raci.screenshot({ path: `${screenshotDir}/raci-${width}.png` });
    expect(await cutText(raci)).toEqual([]);
  });
});
