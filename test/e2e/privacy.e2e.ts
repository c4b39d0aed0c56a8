// Consent, retention, the app lock and erasure through the screens, with screenshots of each in
// both themes for a person to look at.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { screenshotDir } from './screenshots';
import { PrivacySettings } from './pages/privacy-settings';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

async function shoot(page: Page, target: Locator | Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await target.screenshot({ path: `${screenshotDir}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openFirstParticipant(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Participants' }).click();
  const first = page.getByRole('region', { name: 'Participant list' }).getByRole('link').first();
  const name = (await first.locator('strong').textContent())!;
  await first.click();
  await page.getByRole('article', { name }).waitFor();
  return name;
}

describe('privacy through the screens', () => {
  it('records consent changes with their date, and previews retention', async () => {
    app = await launchApp({ hash: '?demo=small' });
    const { page } = app;
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
    await openFirstParticipant(page);
    await page.getByRole('article').getByLabel('Status').selectOption('completed');

    const consent = page.getByRole('region', { name: 'Consent and data' });
    await consent
      .getByRole('radiogroup', { name: 'Action items shared upstream' })
      .getByText('Under a pseudonym')
      .click();
    await consent.getByText(/^Consent history \(\d+ recorded\)$/).click();
    await consent.getByText('Actions: shared with their name → shared under a pseudonym').waitFor();
    await consent.getByRole('button', { name: 'Export their data…' }).click();
    await consent.getByText('Include private notes').waitFor();
    await shoot(page, consent, 'consent');

    const settings = new PrivacySettings(page);
    await settings.open();
    await settings.retention().getByText('Remove some time after coaching ends').click();
    const preview = settings.retention().getByRole('list', { name: 'What will be removed' });
    await preview.locator('summary').first().click();
    await preview
      .getByText(/^Session on /)
      .first()
      .waitFor();
    await shoot(page, settings.retention(), 'retention');
    expect(app.consoleErrors).toEqual([]);
  });

  it('locks on demand, shows nothing of the data while locked, and unlocks with the passcode', async () => {
    app = await launchApp({ hash: '?demo=small' });
    const { page } = app;
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
    const settings = new PrivacySettings(page);
    const names = await settings.participantNames();
    expect(names.length).toBeGreaterThan(0);
    await settings.open();
    const lock = settings.lock();
    await settings.submitPasscode('short');
    await lock.getByRole('alert').getByText('Use at least 6 characters').waitFor();
    await settings.turnOnLock('correct horse');
    await shoot(page, lock, 'app-lock-settings');

    // While the lock is on, the window losing focus (another app, the task switcher) draws a
    // curtain over the content. Headless Chromium keeps every page focused, so the events are sent.
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await page.locator('.privacy-curtain').waitFor();
    await shoot(page, page, 'privacy-curtain');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.locator('.privacy-curtain').waitFor({ state: 'detached' });

    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('heading', { name: 'Followthrough is locked' }).waitFor();
    const visible = await page.evaluate(() => document.body.innerText + document.body.innerHTML);
    for (const name of ['Settings', 'Backups', ...names]) {
      expect(visible, `"${name}" is on the lock screen`).not.toContain(name);
    }
    await shoot(page, page, 'lock-screen');

    await page.getByLabel('Passcode').fill('wrong guess');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').getByText('That passcode is not right').waitFor();
    await page.getByLabel('Passcode').fill('correct horse');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await settings.lock().waitFor();

    // A restart starts locked.
    app = await app.restart();
    await app.page.getByRole('heading', { name: 'Followthrough is locked' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('keeps the pause after five wrong passcodes across a reload', async () => {
    app = await launchApp();
    const { page } = app;
    const settings = new PrivacySettings(page);
    await settings.open();
    await settings.turnOnLock('correct horse');
    await page.keyboard.press('Control+Shift+L');

    const passcode = page.getByLabel('Passcode');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await passcode.fill(`wrong guess ${attempt}`);
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('alert').getByText('That passcode is not right').waitFor();
      await expect.poll(() => passcode.inputValue()).toBe('');
    }
    await passcode.fill('wrong guess 5');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').getByText('5 wrong passcodes in a row').waitFor();

    await page.reload();
    await page.getByRole('alert').getByText('5 wrong passcodes in a row').waitFor();
    expect(await passcode.isDisabled()).toBe(true);
    await shoot(page, page, 'lock-screen-paused-after-reload');
    expect(app.consoleErrors).toEqual([]);
  });

  it('erases a participant everywhere and reports what was removed', async () => {
    app = await launchApp({ hash: '?demo=small' });
    const { page } = app;
    await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
    const settings = new PrivacySettings(page);
    await settings.open();
    await settings.backups().getByRole('button', { name: 'Back up now' }).click();
    await settings.backups().getByText('Backed up.').waitFor();
    const name = await openFirstParticipant(page);
    const before = await settings.storedState();
    const consent = page.getByRole('region', { name: 'Consent and data' });
    await consent.getByRole('button', { name: 'Erase everywhere…' }).click();
    const erase = consent.getByRole('button', { name: 'Erase everywhere', exact: true });
    expect(await erase.isDisabled()).toBe(true);
    await consent.getByLabel('Type their name to confirm').fill(name);
    await shoot(page, consent, 'erase-confirm');
    await erase.click();

    const report = page.getByRole('dialog', { name: `${name} was erased` });
    await report.getByText('Their entries in search').waitFor();
    await report.getByText(/^Their data in \d+ automatic backups? \(.*\): rewritten without them$/).waitFor();
    await shoot(page, page, 'erasure-report');
    await report.getByRole('button', { name: 'Close' }).click();

    const after = await settings.storedState();
    expect(after.participantIds).toHaveLength(before.participantIds.length - 1);
    expect(after.counts.sessions).toBeLessThan(before.counts.sessions);
    // The backup made before the erasure no longer brings them back.
    await settings.open();
    await settings
      .backups()
      .getByRole('list', { name: 'Automatic backups' })
      .getByRole('button', { name: 'Restore…' })
      .first()
      .click();
    const participantsRow = settings.preview().getByRole('row', { name: /^Participants/ });
    await expect(participantsRow.textContent()).resolves.toMatch(
      new RegExp(`^Participants${after.participantIds.length}${after.participantIds.length}No change$`),
    );
    await settings.preview().getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Control+k');
    await page.getByLabel('Search or run a command').fill(name.split(' ')[0]);
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    // The search has answered once the palette stops saying it is searching.
    await palette.getByText('Searching your notes…').waitFor({ state: 'hidden' });
    expect(await palette.textContent()).not.toContain(name);
    expect(app.consoleErrors).toEqual([]);
  });
});
