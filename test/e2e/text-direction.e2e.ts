// Hebrew and Arabic written by the coach read right to left in the fields and where the screens show
// them, and a Latin name inside a Hebrew line keeps its place and its own order.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { screenshotDir } from './screenshots';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const direction = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).direction);

/** Where each word starts on screen, left to right, measured on the text itself. */
function wordLefts(cell: Locator, words: string[]): Promise<number[]> {
  return cell.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const lefts: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of wanted) {
        const at = node.textContent!.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        lefts[wanted.indexOf(word)] = range.getBoundingClientRect().left;
      }
    }
    return lefts;
  }, words);
}

const hebrewGoal = 'לקבוע פגישת OKR review עם הצוות כל שבוע';
const hebrewAction = 'לשלוח ל-Amara Okafor את הסיכום';

describe('right-to-left text', () => {
  it('reads Hebrew right to left in fields and on the screens, with Latin words kept in order', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = new AppShell(page);
    await shell.addParticipant('נועה כהן', 'מנהלת מוצר');
    await expect(direction(page.getByRole('article', { name: 'נועה כהן' }).getByRole('heading'))).resolves.toBe('rtl');

    const session = await shell.startSession();
    await session.field('Goal').fill(hebrewGoal);
    await session.field('Reality').fill('Standups drift into status updates');
    await session.field('Options').fill('שלוש אפשרויות: Weekly review, RACI, כלום');
    await session.addActionByKeyboard({ text: hebrewAction, owner: 'נועה', due: 'fri', verification: 'מייל' });
    await session.waitUntilSaved();

    await expect(direction(session.field('Goal'))).resolves.toBe('rtl');
    await expect(direction(session.field('Options'))).resolves.toBe('rtl');
    await expect(direction(session.field('Reality'))).resolves.toBe('ltr');
    await expect(direction(session.actionLog().getByRole('textbox', { name: 'Action', exact: true }))).resolves.toBe(
      'rtl',
    );
    await expect(direction(page.getByRole('heading', { level: 1 }).getByRole('link'))).resolves.toBe('rtl');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshotDir}/session-rtl-${colorScheme}.png`, fullPage: true });
    }

    await shell.goTo('Actions');
    const cell = page
      .getByRole('region', { name: 'Action list' })
      .getByRole('cell', { name: hebrewAction, exact: true })
      .first();
    await expect(direction(cell)).resolves.toBe('rtl');
    // A right-to-left line: the Hebrew opening word sits right of the Latin name, and the name
    // itself still reads "Amara Okafor", left to right.
    const [first, amara, okafor] = await wordLefts(cell, ['לשלוח', 'Amara', 'Okafor']);
    expect(amara).toBeLessThan(okafor);
    expect(okafor).toBeLessThan(first);
    expect(app.consoleErrors).toEqual([]);
  });
});
