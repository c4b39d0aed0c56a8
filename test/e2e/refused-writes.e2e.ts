// When IndexedDB refuses a write (a full disk, a profile gone read-only), the commands that act on
// actions say so in plain words in a toast, and nothing reaches the console as an unhandled
// rejection: Delete on a session's action row, and "Mark N done" on the Actions page. A move the
// rules refuse (dropped → done) is named too, not left out of the count without a word.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeAfterEach, launchApp, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { screenshotDir } from './screenshots';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const ACTION = 'Book the quarterly review';

async function sessionWithAnAction(): Promise<{ page: Page; shell: AppShell }> {
  app = await launchApp();
  const { page } = app;
  const shell = new AppShell(page);
  await shell.addParticipant('Amara Okafor', 'Head of Operations');
  const session = await shell.startSession();
  await session.addActionByKeyboard({ text: ACTION, owner: 'Amara', due: '', verification: '' });
  await page.getByLabel(`Delete “${ACTION}”`).waitFor();
  return { page, shell };
}

/** From now on every write to IndexedDB in the page fails, as on a full disk. */
function refuseWrites(page: Page) {
  return page.evaluate(() => {
    const refuse = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
  });
}

describe('a refused write', () => {
  it('on Delete in a session, says the action was not moved to the trash', async () => {
    const { page } = await sessionWithAnAction();
    await refuseWrites(page);

    await page.getByLabel(`Delete “${ACTION}”`).click();

    await page
      .getByRole('status')
      .getByText(/^The action was not moved to the trash: ./)
      .waitFor();
    expect(await page.getByLabel(`Delete “${ACTION}”`).count()).toBe(1);
    expect(app!.consoleErrors).toEqual([]);
  });

  it('on Mark done in the Actions list, says no action was marked done', async () => {
    const { page, shell } = await sessionWithAnAction();
    await shell.goTo('Actions');
    await page.getByLabel(`Select “${ACTION}”`).check();
    await refuseWrites(page);

    await page.getByRole('button', { name: 'Mark 1 done' }).click();

    await page
      .getByRole('status')
      .getByText(/^No action was marked done: ./)
      .waitFor();
    expect(app!.consoleErrors).toEqual([]);
  });

  it('on Mark done for a dropped action, names why it was not marked done and keeps it ticked', async () => {
    const { page, shell } = await sessionWithAnAction();
    await shell.goTo('Actions');
    await page.getByLabel(`Status of “${ACTION}”`).selectOption('dropped');
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Status').selectOption('all');
    const tick = page.getByLabel(`Select “${ACTION}”`);
    await tick.check();

    await page.getByRole('button', { name: 'Mark 1 done' }).click();

    await page
      .getByRole('status')
      .getByText(
        '0 actions marked done; 1 action could not be (still ticked): An action that is dropped cannot become done',
      )
      .waitFor();
    expect(await tick.isChecked()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/actions-mark-done-refused.png` });
    expect(app!.consoleErrors).toEqual([]);
  });
});
