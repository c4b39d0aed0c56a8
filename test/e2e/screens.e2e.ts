// Screens with a realistic amount of data, in both themes, for a person to look at; the checks
// are that each screen shows its data and nothing failed on the way.
import { describe, expect, it } from 'vitest';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { screenshotDir } from './screenshots';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe.each(['light', 'dark'] as const)('screens with demo data, %s theme', (colorScheme) => {
  it('shows Today, Actions and a session with their data', async () => {
    app = await launchApp({ colorScheme, hash: '?demo=small' });
    const { page } = app;
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${screenshotDir}/today-${colorScheme}.png`, fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
    const rows = page.getByRole('region', { name: 'Action list' }).getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBeGreaterThan(2);
    await page.screenshot({ path: `${screenshotDir}/actions-${colorScheme}.png`, fullPage: true });

    await new AppShell(page).openCompletedSession();
    await expect(page.getByRole('textbox', { name: 'Reality', exact: true }).inputValue()).resolves.not.toBe('');
    await page.screenshot({ path: `${screenshotDir}/session-${colorScheme}.png`, fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });
});
