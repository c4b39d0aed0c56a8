import { describe, expect, it } from 'vitest';
import type { Dialog } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { amara, amaraActions, amaraGrow, startSessionWith } from './pages/app-shell';
import { SessionPage } from './pages/session-page';
import { screenshotDir } from './screenshots';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const sofia = { name: 'Sofia Reyes', role: 'Product Lead' };

describe('a coaching session, from the keyboard', () => {
  it('captures GROW, three actions, the pulse and the timer, is found by search, and survives a reload', async () => {
    app = await launchApp();
    const { page, shell, session } = await startSessionWith(app, amara, amaraGrow);
    await session.addActionsByKeyboard(amaraActions);
    expect(await session.actionTexts()).toEqual([
      'Run the commitment review in Monday standup',
      'Publish the triage RACI',
      'Coach the two leads on escalation',
    ]);

    for (const [question, score] of [
      ['Preparation', 4],
      ['Clarity of next steps', 5],
      ['Documented action', 3],
    ] as const) {
      await page.getByRole('radiogroup', { name: question }).getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      for (let step = 1; step < score; step += 1) await page.keyboard.press('ArrowRight');
    }

    await page.getByRole('button', { name: 'Start timer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Time in this session').waitFor();
    await page.getByRole('button', { name: 'Stop timer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Start timer' }).waitFor();
    await session.waitUntilSaved();
    await page.screenshot({ path: `${screenshotDir}/session-light.png`, fullPage: true });

    await page.keyboard.press('Control+k');
    await page.keyboard.type('escalations bypass');
    const result = page.getByRole('option', { name: /Amara Okafor/ }).filter({ has: page.locator('mark') });
    await result.first().waitFor();
    await expect(result.first().locator('mark').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['escalations']),
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await session.field('Reality').waitFor();

    await shell.goTo('Actions');
    const review = page.getByRole('row', { name: /Publish the triage RACI/ });
    await review.getByRole('combobox').selectOption('done');
    await page.getByRole('row', { name: /Publish the triage RACI/ }).waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('done');
    await page.getByRole('row', { name: /Publish the triage RACI/ }).waitFor();
    // Filters that match nothing say so in words, and one click shows every action again.
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('dropped');
    await page.getByText('None of the actions logged so far is dropped.').waitFor();
    await page.getByRole('button', { name: 'Show every action' }).click();
    await page.getByRole('row', { name: /Publish the triage RACI/ }).waitFor();

    await shell.goTo('Sessions');
    await page.getByRole('region', { name: 'Session list' }).getByRole('link').first().click();
    await expect(session.field('Reality').inputValue()).resolves.toBe(amaraGrow.reality);
    await expect(session.field('Will').inputValue()).resolves.toBe(amaraGrow.will);
    expect(await session.actionTexts()).toHaveLength(3);
    await expect(
      page
        .getByRole('radiogroup', { name: 'Clarity of next steps' })
        .getByRole('radio', { checked: true })
        .getAttribute('value'),
    ).resolves.toBe('5');
    await expect(session.field('Duration (minutes)').inputValue()).resolves.toBe('1');

    // The same session edited in a second window shows up in this one's open fields.
    const other = await app.context.newPage();
    await other.goto(page.url());
    await new SessionPage(other).field('Options').fill('Weekly commitment review, decided in the other window');
    await new SessionPage(other).field('Options').blur();
    await expect
      .poll(() => session.field('Options').inputValue())
      .toBe('Weekly commitment review, decided in the other window');
    await other.close();
    expect(app.consoleErrors).toEqual([]);
  });

  it('turns a "- [ ]" line in Will into an action and keeps bad input on screen with a message', async () => {
    app = await launchApp();
    const { page, session } = await startSessionWith(app, { name: 'Li Wei', role: 'Engineering Manager' });
    await session.field('Will').click();
    await page.keyboard.type('- [ ] Share the escalation rules with the team');
    await page.keyboard.press('Enter');
    await expect.poll(() => session.actionTexts()).toEqual(['Share the escalation rules with the team']);
    await expect(session.field('Will').inputValue()).resolves.toContain(
      '- [logged] Share the escalation rules with the team',
    );

    await session.field('Duration (minutes)').fill('-5');
    await page.getByText('Enter whole minutes, e.g. 45', { exact: true }).waitFor();
    await session.field('Date').fill('2026-02-30');
    await page.getByText('2026-02-30 is not a real date', { exact: true }).waitFor();

    const hostile = '<script>window.pwned = true</script> مرحبا 👩🏽‍💼';
    await session.field('Notes').fill(hostile);
    await session.waitForStoredNotesLength(hostile.length);
    // The refused duration and date are still on screen, unsaved: the reload asks first.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);
    await expect(session.field('Notes').inputValue()).resolves.toBe(hostile);
    await expect(page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).resolves.toBeUndefined();

    const megabyte = 'A leader said something worth keeping. '.repeat(27_000).slice(0, 1_048_576);
    await session.field('Notes').fill(megabyte);
    await session.waitForStoredNotesLength(megabyte.length);
    await page.reload();
    // Notes this long open collapsed, whole in the database, and whole in the field on request.
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByText('1.0 million characters, kept whole.', { exact: false }).waitFor();
    expect(await notes.getByRole('textbox').count()).toBe(0);
    await notes.screenshot({ path: `${screenshotDir}/session-notes-collapsed.png` });
    await notes.getByRole('button', { name: 'Show and edit all notes' }).click();
    await expect(session.field('Notes').inputValue()).resolves.toHaveLength(1_048_576);
    await session.field('Notes').press('Control+End');
    await page.keyboard.type(' Kept.');
    await session.waitForStoredNotesLength(1_048_576 + ' Kept.'.length);
    expect(app.consoleErrors).toEqual([]);
  });
  it('asks before the page goes while an edit is not yet saved, and staying keeps it', async () => {
    app = await launchApp();
    const { page, session } = await startSessionWith(app, sofia);
    await session.field('Notes').click();
    const typed = 'Agreed: one owner per action, named before we leave the room.';
    await page.keyboard.type(typed);

    // A reload within the autosave's pause: the write is not committed yet, so the browser asks.
    const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    void page.evaluate(() => location.reload()).catch(() => undefined);
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await session.waitForStoredNotesLength(typed.length);

    // Once saved, the page goes without asking, and the notes are there.
    const laterDialogs: string[] = [];
    page.on('dialog', (later) => {
      laterDialogs.push(later.type());
      void later.accept();
    });
    await page.reload();
    await expect(session.field('Notes').inputValue()).resolves.toBe(typed);
    expect(laterDialogs).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('never loses a refused edit without a word: leaving the page asks, leaving the screen says so', async () => {
    app = await launchApp();
    const { page, shell, session } = await startSessionWith(app, sofia);
    await session.addActionByKeyboard({ text: 'Name an owner', owner: 'Sofia', due: '', verification: '' });
    const title = page.getByRole('textbox', { name: 'Action', exact: true });
    await expect.poll(() => title.inputValue()).toBe('Name an owner');

    // Too long to store: refused in plain words, and kept on screen.
    const tooLong = 'Share the escalation rules. '.repeat(400);
    await title.fill(tooLong);
    await page
      .locator('.field-error')
      .filter({ hasText: /keep it to 2,000 characters or fewer/ })
      .waitFor();

    const asked = page.waitForEvent('dialog', { timeout: 10_000 });
    void page.evaluate(() => location.reload()).catch(() => undefined);
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await expect.poll(() => title.inputValue()).toBe(tooLong);

    // Going to another screen takes the field away: a message says what was not saved.
    await shell.goTo('Today');
    const toast = page.locator('.toast').filter({ hasText: 'Not saved: “Share the escalation rules. Share the' });
    await toast.waitFor();
    await expect(toast.getByRole('button', { name: 'Copy the text' }).count()).resolves.toBe(1);
    await page.screenshot({ path: `${screenshotDir}/refused-edit-not-saved.png` });
    // Nothing refused is left on screen, so the page now goes without asking.
    const later: string[] = [];
    page.on('dialog', (next) => {
      later.push(next.type());
      void next.accept();
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(later).toEqual([]);
  });
});
