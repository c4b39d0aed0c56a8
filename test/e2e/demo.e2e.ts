// The in-app demo loader: ?demo=<size> fills an empty profile once, leaves the address clean,
// and never touches a profile that already holds data.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, launchApp, closeAfterEach, type AppBrowser } from './browser';
import { screenshotDir } from './screenshots';
import { readStore } from './records';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const todayReady = (page: Page) =>
  page.locator('main[aria-label="Today"] [data-ready="true"]').waitFor({ timeout: 60_000 });

const storedCount = (page: Page, store: string) => readStore<number>(page, { store, read: 'count' });

describe('the demo dataset loader', () => {
  it('fills an empty profile from ?demo=small once and takes the parameter off the address', async () => {
    app = await launchApp({ hash: '?demo=small#/today' });
    await todayReady(app.page);
    expect(new URL(app.page.url()).search).toBe('');
    expect(new URL(app.page.url()).hash).toBe('#/today');
    expect(await storedCount(app.page, 'actions')).toBe(96);
    expect(await storedCount(app.page, 'outbox')).toBe(0);
    await expect(app.page.getByText('Welcome to Followthrough').count()).resolves.toBe(0);
    await app.page.screenshot({ path: `${screenshotDir}/demo-today-light.png`, fullPage: true });

    await app.page.goto(appUrl('?demo=large'));
    await todayReady(app.page);
    expect(await storedCount(app.page, 'actions')).toBe(96);
    expect(app.consoleErrors).toEqual([]);
  });

  it('opens the app as usual when the size is unknown', async () => {
    app = await launchApp({ hash: '?demo=huge' });
    await todayReady(app.page);
    expect(new URL(app.page.url()).search).toBe('');
    expect(await storedCount(app.page, 'participants')).toBe(0);
    await app.page.getByText('Welcome to Followthrough').waitFor();
  });
});
