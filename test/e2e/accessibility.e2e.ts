// axe-core on every main screen, in both themes, with the demo data: any serious or critical
// violation fails, and so do the minor ones already fixed once (figure role="img" on the charts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, format } from 'date-fns';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { FirstRunStep } from './pages/first-run-step';
import { MetricsPage } from './pages/metrics-page';
import { PrivacySettings } from './pages/privacy-settings';
import { screenshotDir } from './screenshots';
import { axeFindings, describeFinding, isSerious, type Finding } from './axe';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

/** Minor rules the screens once broke and must not break again. */
const guardedMinorRules = new Set(['svg-img-alt', 'role-img-alt', 'aria-allowed-role', 'landmark-unique']);

const mustFix = (finding: Finding) => isSerious(finding) || guardedMinorRules.has(finding.rule);

/** Opens each main screen in turn and collects what axe finds on it. */
async function sweepScreens(page: Page, colorScheme: string): Promise<Finding[]> {
  const shell = new AppShell(page);
  const findings: Finding[] = [];
  const check = async (screen: string) => findings.push(...(await axeFindings(page, screen)));

  await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
  await check('Today');

  await shell.goTo('Participants');
  await check('Participants');
  await page.getByRole('region', { name: 'Participant list' }).getByRole('link').first().click();
  await page.getByRole('article').first().waitFor();
  await check('a participant');

  // A session planned for tomorrow, its prep card open on Today, in a 960 px window.
  const plan = page.getByRole('form', { name: 'Plan a session' });
  await plan.getByLabel('Date').fill(format(addDays(new Date(), 1), 'yyyy-MM-dd'));
  await plan.getByRole('button', { name: 'Plan a session' }).click();
  await page.getByText(/^Planned: /).waitFor();
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 960, height: 800 });
  await shell.goTo('Today');
  const comingUp = page.getByRole('region', { name: 'Coming up' });
  await comingUp.locator('details.prep summary').first().click();
  await comingUp
    .getByRole('group', { name: /^Prep for / })
    .first()
    .waitFor();
  await check('Today with a prep card open, 960 px');
  if (viewport) await page.setViewportSize(viewport);

  await shell.openCompletedSession();
  await check('a session');

  await shell.goTo('Actions');
  await page.getByRole('region', { name: 'Action list' }).getByRole('row').nth(1).waitFor();
  await check('Actions');

  await shell.goTo('Contracts');
  const contracts = page.getByRole('region', { name: 'Contract list' });
  await contracts.getByRole('row').nth(1).waitFor();
  await check('Contracts');
  await contracts.getByRole('link').first().click();
  await page.getByRole('region', { name: 'Contract details' }).waitFor();
  await check('a contract');

  await shell.goTo('Metrics');
  await new MetricsPage(page).waitForMeasures();
  await check('Metrics');

  await shell.goTo('Sync');
  await check('Sync');

  const settings = new PrivacySettings(page);
  await settings.open();
  const templates = page.getByRole('region', { name: 'Templates' });
  await templates.getByRole('radiogroup').first().waitFor();
  await templates.screenshot({ path: `${screenshotDir}/templates-${colorScheme}.png` });
  await check('Settings');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('team');
  await page
    .getByRole('option')
    .filter({ has: page.locator('mark') })
    .first()
    .waitFor();
  await check('search results');
  await page.keyboard.press('Escape');

  const lock = settings.lock();
  await lock.getByLabel('New passcode').fill('correct horse');
  await lock.getByLabel('Repeat it').fill('correct horse');
  await lock.getByRole('button', { name: 'Turn on the app lock' }).click();
  await lock.getByRole('button', { name: /^Lock now/ }).waitFor();
  await check('Settings with the lock on');
  await page.keyboard.press('Control+Shift+L');
  await page.getByRole('heading', { name: 'Followthrough is locked' }).waitFor();
  await check('the lock screen');
  return findings;
}

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (colorScheme) => {
  it('finds nothing serious on any main screen', async () => {
    app = await launchApp({ colorScheme, hash: '?demo=small' });
    const findings = await sweepScreens(app.page, colorScheme);
    expect(findings.filter(mustFix).map(describeFinding)).toEqual([]);
  });

  it('finds nothing serious on the first-run step', async () => {
    app = await launchApp({ colorScheme });
    await new FirstRunStep(app.page).waitFor();
    const findings = await axeFindings(app.page, 'the first-run step');
    expect(findings.filter(mustFix).map(describeFinding)).toEqual([]);
  });
});
