// When the passcode check itself fails (not a wrong passcode: the check cannot run), the coach is
// told in plain words and the lock screen stays usable instead of spinning on "Checking…".
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { PrivacySettings } from './pages/privacy-settings';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

async function openDemo(): Promise<Page> {
  app = await launchApp({ hash: '?demo=small' });
  await app.page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
  return app.page;
}

describe('the lock screen when the passcode cannot be checked', () => {
  it('says so and lets the coach try again instead of staying on "Checking…"', async () => {
    const page = await openDemo();
    const settings = new PrivacySettings(page);
    await settings.open();
    await settings.turnOnLock('correct horse');
    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Followthrough is locked' }).waitFor();

    await page.evaluate(() => {
      SubtleCrypto.prototype.deriveBits = () => Promise.reject(new Error('The key derivation failed.'));
    });
    await page.getByLabel('Passcode').fill('correct horse');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('alert')
      .getByText(/^The passcode could not be checked: The key derivation failed/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Unlock' }).isEnabled()).toBe(true);
    expect(app!.consoleErrors).toEqual([]);
  });
});
