// Every session starts from the last one's commitments: a second session lists the first one's
// open actions, and the coach settles each from the keyboard.
import { describe, expect, it } from 'vitest';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { screenshotDir } from './screenshots';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('since last time', () => {
  it('lists the last session’s open actions and settles three of them by keyboard, kept after a reload', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = new AppShell(page);
    await shell.addParticipant('Amara Okafor', 'Head of Operations');
    const first = await shell.startSession();
    const actions = [
      {
        text: 'Run the commitment review in Monday standup',
        owner: 'Amara',
        due: '2026-12-01',
        verification: 'Agenda',
      },
      { text: 'Publish the triage RACI', owner: 'Dana', due: '2026-12-03', verification: 'Link' },
      { text: 'Coach the two leads on escalation', owner: 'Amara', due: '2026-12-05', verification: 'Notes' },
    ];
    for (const action of actions) await first.addActionByKeyboard(action);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();

    await shell.startSessionFor('Amara Okafor');
    const since = page.getByRole('region', { name: 'Since last time' });
    await expect.poll(() => since.getByRole('listitem').count()).toBe(3);
    expect(await since.getByText('3 of 3 to go over').isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/since-last-time-to-go-over.png`, fullPage: true });
    const row = (text: string) => since.getByRole('group', { name: `Since last time: ${text}` });

    await row(actions[0].text).getByRole('button', { name: 'Done' }).focus();
    await page.keyboard.press('Enter');
    await since.getByRole('listitem', { name: actions[0].text }).getByRole('status').getByText('Done').waitFor();

    await row(actions[1].text).getByRole('button', { name: 'Blocked…' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Waiting for legal sign-off');
    await page.keyboard.press('Enter');
    await since.getByText('Blocked: Waiting for legal sign-off').waitFor();

    await row(actions[2].text).getByRole('button', { name: 'Carry forward…' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await since.getByText(/^Carried forward to /).waitFor();
    expect(await since.getByText('All gone over').isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}/since-last-time-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${screenshotDir}/since-last-time-dark.png`, fullPage: true });

    await page.reload();
    await since.getByText('All gone over').waitFor();
    expect(await since.getByRole('status').allTextContents()).toEqual([
      'Done',
      'Blocked: Waiting for legal sign-off',
      expect.stringMatching(/^Carried forward to \w{3} \d{1,2} \w{3}/),
    ]);
    await shell.goTo('Actions');
    await page.getByText('Waiting for legal sign-off').first().waitFor();
  });
});
