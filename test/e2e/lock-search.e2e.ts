// Locking forgets what the search index holds: the search worker, with the notes it indexed in
// clear, is gone while the app is locked, and searching after unlock builds the index again.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAfterEach, launchApp, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { PrivacySettings } from './pages/privacy-settings';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const searchWorkers = (page: Page) => page.workers().filter((worker) => worker.url().includes('search-worker'));

async function searchFinds(page: Page, words: string, expected: string) {
  await page.getByRole('button', { name: /^Search/ }).click();
  await page.getByLabel('Search or run a command').fill(words);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByText(expected).first().waitFor();
  await page.keyboard.press('Escape');
}

describe('search and the app lock', () => {
  it('drops the search worker on lock and finds the notes again after unlock', async () => {
    app = await launchApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Skip for now' }).click();
    const shell = new AppShell(page);
    await shell.addParticipant('Amara Okafor', 'Head of Operations');
    const session = await shell.startSession();
    await session.field('Reality').fill('Escalations bypass the triage board');
    await session.waitUntilSaved();
    await new PrivacySettings(page).open();
    await new PrivacySettings(page).turnOnLock('correct horse battery');

    await searchFinds(page, 'bypass', 'Amara Okafor');
    expect(searchWorkers(page)).toHaveLength(1);

    await page.keyboard.press('Control+Shift+L');
    await page.getByRole('button', { name: 'Unlock' }).waitFor();
    await expect.poll(() => searchWorkers(page).length).toBe(0);

    await page.getByLabel('Passcode').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Unlock' }).waitFor({ state: 'hidden' });
    await searchFinds(page, 'bypass', 'Amara Okafor');
    expect(searchWorkers(page)).toHaveLength(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
