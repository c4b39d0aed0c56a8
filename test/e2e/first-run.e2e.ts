// The first time the app opens, it asks who the coach is, so their name is on every document they
// hand out; the step can be skipped, and both answers stay editable in Settings.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell, amara, amaraGrow, startSessionWith } from './pages/app-shell';
import { FirstRunStep } from './pages/first-run-step';
import { downloadedWordText } from './downloads';
import { screenshotDir } from './screenshots';
import { readStore } from './records';

/** A setting as IndexedDB holds it, read through a connection of its own. */
async function storedSetting(page: Page, key: string): Promise<unknown> {
  return (await readStore<{ value?: unknown } | undefined>(page, { store: 'settings', read: 'get', key }))?.value;
}

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('the first-run step', () => {
  it.each(['light', 'dark'] as const)(
    'asks the coach their name, which then fills COACH on documents (%s theme)',
    async (colorScheme) => {
      app = await launchApp({ colorScheme });
      const { page } = app;
      const step = new FirstRunStep(page);
      await step.waitFor();
      await page.screenshot({ path: `${screenshotDir}/first-run-${colorScheme}.png` });
      await step.introduce('Sam Rivera', 'Northwind Coaching');
      await page.getByRole('button', { name: 'Add your first participant' }).waitFor();

      const { shell, session } = await startSessionWith(app, amara, amaraGrow);
      await session.waitUntilSaved();
      const checklist = await downloadedWordText(page, async () => {
        await page.getByRole('button', { name: 'Export' }).click();
        await page.getByRole('menuitem', { name: 'GROW checklist (.docx)' }).click();
      });
      expect(checklist.xml).toContain('Sam Rivera');

      await page.reload();
      await shell.goTo('Settings');
      const you = page.getByRole('region', { name: 'Coach' });
      await expect(you.getByRole('textbox', { name: /Your name/ }).inputValue()).resolves.toBe('Sam Rivera');
      await expect(you.getByRole('textbox', { name: 'Your organisation' }).inputValue()).resolves.toBe(
        'Northwind Coaching',
      );
      expect(app.consoleErrors).toEqual([]);
    },
  );

  it('can be skipped, does not come back, and leaves the name to Settings', async () => {
    app = await launchApp();
    const { page } = app;
    const step = new FirstRunStep(page);
    await step.waitFor();
    await step.skip();
    await page.getByRole('button', { name: 'Add your first participant' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Add your first participant' }).waitFor();
    await expect(step.form().count()).resolves.toBe(0);

    const shell = new AppShell(page);
    await shell.goTo('Settings');
    const name = page.getByRole('region', { name: 'Coach' }).getByRole('textbox', { name: /Your name/ });
    await expect(name.inputValue()).resolves.toBe('');
    await name.fill('Sam Rivera');
    await name.blur();
    await expect.poll(() => storedSetting(page, 'coach.name'), { timeout: 10_000, interval: 100 }).toBe('Sam Rivera');
  });
});
