// The follow-up loop: a session planned ahead shows under Today's "Coming up" with its prep card,
// opens on the last session's open actions, which the coach settles from the keyboard, and once
// complete proposes the next one at the participant's cadence.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { addDays, format } from 'date-fns';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell, amara, amaraActions, startSessionWith } from './pages/app-shell';
import { screenshotDir } from './screenshots';
import { downloadedWordText } from './downloads';
import { ContractsPage } from './pages/contracts-page';
import { readRecords } from './records';
import { axeFindings, describeFinding, isSerious } from './axe';
import { describeCalendarDate } from '../../shared/natural-date';

const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');
const tomorrow = day(1);
const weekAfter = day(8);
const privateGoal = 'PRIVATE: wants to move teams before the reorganisation';

/** Every participant's cadence as stored, read from IndexedDB without the app. */
const storedCadences = async (page: Page) =>
  Object.values((await readRecords(page, ['participants'])).participants ?? {}).map(
    (participant) => participant.cadence,
  );

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('since last time', () => {
  it('plans the next session, shows it coming up, settles three earlier actions by keyboard, proposes the one after', async () => {
    app = await launchApp();
    // The follow-up the leader receives holds only what their consent shares.
    const { page, shell, session: first } = await startSessionWith(app, { ...amara, sharing: 'With their name' });
    // Due on fixed days: the calendar read back below expects the carried action's date.
    const dues = ['2026-12-01', '2026-12-03', '2026-12-05'];
    const actions = amaraActions.map((action, index) => ({ ...action, due: dues[index] }));
    await first.addActionsByKeyboard(actions);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();

    // Weekly, and the next session booked for tomorrow from her page.
    await shell.goTo('Participants');
    await shell.participantLink('Amara Okafor').click();
    const plan = page.getByRole('form', { name: 'Plan a session' });
    // Typed as a coach says it, in the app's one date field, which says what it understood.
    await plan.getByLabel('Date').fill('tomorrow');
    await plan
      .getByRole('status')
      .filter({ hasText: `→ ${describeCalendarDate(tomorrow)}` })
      .waitFor();
    await plan.getByLabel('Time').fill('10:30');
    // The proposed date moves with the cadence, never over a date the coach typed.
    await page.getByLabel('Session cadence').selectOption('weekly');
    await expect.poll(() => storedCadences(page)).toEqual(['weekly']);
    await plan.getByText('Type').click();
    expect(await plan.getByLabel('Date').inputValue()).toBe('tomorrow');
    expect(await plan.getByLabel('Time').inputValue()).toBe('10:30');
    await plan.getByRole('button', { name: 'Plan a session' }).click();
    await page.getByText('Planned · 10:30').waitFor();

    // A contract in force with a commitment due yesterday: the session goes over it too.
    const contracts = new ContractsPage(page);
    await contracts.create({ leader: 'Amara Okafor', title: 'Ops handoffs', team: 'Operations', startDate: day(-14) });
    await contracts.details().getByLabel('Status').selectOption({ label: 'Active' });
    await contracts.addCommitment(1, 'Weekly demo to stakeholders', 'Demo held every Friday', 'Amara');
    await contracts.commitment(1).getByLabel('Due').fill(day(-1));
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await contracts.commitment(1).getByLabel('Due').inputValue()) !== '').toBe(true);

    await shell.goTo('Today');
    const comingUp = page.getByRole('region', { name: 'Coming up' });
    await comingUp.getByText(/10:30/).click();
    const prep = comingUp.getByRole('group', { name: 'Prep for Amara Okafor' });
    await prep.getByText('3 open').waitFor();
    await page.screenshot({ path: `${screenshotDir}/today-coming-up-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${screenshotDir}/today-coming-up-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await prep.getByRole('button', { name: 'Open the session' }).click();
    await page.getByText('1:1 session · planned').waitFor();
    await page.getByRole('textbox', { name: 'Goal', exact: true }).fill(privateGoal);
    const since = page.getByRole('region', { name: 'Since last time' });
    await expect.poll(() => since.getByRole('list').first().getByRole('listitem').count()).toBe(3);
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
    // The contract commitment due yesterday, met, by keyboard.
    const commitments = since.getByRole('group', { name: 'Contract commitments' });
    const demo = commitments.getByRole('listitem', { name: 'Weekly demo to stakeholders' });
    await demo.getByText('Ops handoffs').waitFor();
    // A double-click sets one status: the buttons move under the pointer once it is set.
    await demo.getByRole('button', { name: 'At risk', exact: true }).dblclick();
    await demo.getByRole('button', { name: 'On track', exact: true }).waitFor();
    expect(await demo.locator('.badge').textContent()).toBe('At risk');
    await demo.getByRole('button', { name: 'Met', exact: true }).focus();
    await page.keyboard.press('Enter');
    await demo.getByRole('button', { name: 'At risk', exact: true }).waitFor();
    expect(await demo.locator('.badge').textContent()).toBe('Met');
    await demo.getByText('set in this session').waitFor();
    const sessionId = page.url().split('/').at(-1);
    const [contract] = Object.values((await readRecords(page, ['contracts'])).contracts);
    const [commitment] = contract.commitments as { statusHistory: { status: string; sessionId?: string }[] }[];
    expect(commitment.statusHistory.at(-1)).toMatchObject({ status: 'met', sessionId });
    expect(await since.getByRole('status').allTextContents()).toEqual([
      'Done',
      'Blocked: Waiting for legal sign-off',
      expect.stringMatching(/^Carried forward to \w{3} \d{1,2} \w{3}/),
    ]);
    // Held and completed: the next one is proposed a week later, at the same time.
    await page.getByRole('button', { name: 'Mark complete' }).click();
    const next = page.getByRole('form', { name: 'Plan the next session' });
    await page
      .getByRole('region', { name: 'Next session' })
      .screenshot({ path: `${screenshotDir}/plan-next-session.png` });
    expect(await next.getByLabel('Date').inputValue()).toBe(weekAfter);
    expect(await next.getByLabel('Time').inputValue()).toBe('10:30');
    await next.getByRole('button', { name: 'Plan the next session' }).click();
    await next.waitFor({ state: 'detached' });

    // The coach's checklist opens with what was gone over; the leader's summary lists what was completed.
    const checklist = await downloadedWordText(page, async () => {
      await page.getByRole('button', { name: /^Export/ }).click();
      await page.getByRole('menuitem', { name: 'GROW checklist (.docx)' }).click();
    });
    const sinceLastTime = checklist.text.slice(checklist.text.indexOf('Since last time'));
    expect(sinceLastTime.indexOf('Since last time')).toBeLessThan(sinceLastTime.indexOf('Conversation'));
    for (const outcome of ['Done', 'Blocked: Waiting for legal sign-off', 'Carried forward']) {
      expect(sinceLastTime.slice(0, sinceLastTime.indexOf('Conversation'))).toContain(outcome);
    }
    const summary = await downloadedWordText(page, async () => {
      await page.getByRole('button', { name: /^Export/ }).click();
      await page.getByRole('menuitem', { name: /Session summary/ }).click();
    });
    expect(summary.text).toContain(`Completed since last time`);
    expect(summary.text).toContain(`✓ ${actions[0].text}`);
    expect(summary.text).not.toContain(actions[1].text);
    expect(summary.text).not.toContain(privateGoal);

    // The follow-up as a mail draft: unsent, the summary attached, no private field.
    const [draft] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: /^Export/ }).click();
        await page.getByRole('menuitem', { name: 'Follow-up mail draft (.eml)' }).click();
      })(),
    ]);
    expect(draft.suggestedFilename()).toBe(`${tomorrow} Amara Okafor - Follow-up.eml`);
    const mail = await simpleParser(await readFile(await draft.path()));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.text).toContain(`Completed since last time:\n- ${actions[0].text}`);
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([
      `${tomorrow} Amara Okafor - Session summary.docx`,
    ]);
    expect(`${mail.text}${mail.html}`).not.toContain(privateGoal);

    // The follow-up the leader receives: pasted as formatted and plain text, no private field.
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: /^Export/ }).click();
    await page.getByRole('menuitem', { name: 'Follow-up for the leader (copy)' }).click();
    await page.getByText('The follow-up is on the clipboard').waitFor();
    const pasted = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const read = async (type: string) => (await item.getType(type)).text();
      return { plain: await read('text/plain'), html: await read('text/html') };
    });
    expect(pasted.plain).toContain(`Completed since last time:\n- ${actions[0].text}`);
    expect(pasted.plain).toContain(`Next session:\n- ${format(addDays(new Date(), 8), 'EEE d MMM')} at 10:30`);
    expect(pasted.html).toContain(`<li>${actions[0].text}</li>`);
    for (const text of [pasted.plain, pasted.html]) expect(text).not.toContain(privateGoal);

    // Her calendar: the session planned next week and the due date carried forward, read back with ical.js.
    await shell.goTo('Participants');
    await shell.participantLink('Amara Okafor').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Followthrough Amara Okafor.ics');
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await download.path(), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((event) => [event.summary, event.startDate.toJSDate().getTime()])).toEqual([
      ['Coaching: Amara Okafor (1:1)', new Date(`${weekAfter}T10:30:00`).getTime()],
      [`Due: ${actions[1].text} (Dana)`, new Date(`${actions[1].due}T00:00:00`).getTime()],
      [`Due: ${actions[2].text} (Amara)`, new Date(`${day(7)}T00:00:00`).getTime()],
    ]);

    // Every two weeks from now on: asked first, the planned session moves to two weeks after today's.
    await page.getByLabel('Session cadence').selectOption('every-two-weeks');
    const question = page.getByRole('group', { name: 'Planned sessions and the new cadence' });
    await question.getByText('One planned session follows the old rhythm. Move it to every 2 weeks?').waitFor();
    await page.screenshot({ path: `${screenshotDir}/cadence-change-asks.png`, fullPage: true });
    await question.getByRole('button', { name: 'Move it' }).click();
    await question.waitFor({ state: 'detached' });
    const sessionsCard = page.getByRole('region', { name: 'Sessions' });
    await sessionsCard.getByRole('link', { name: format(addDays(new Date(), 14), 'EEE d MMM yyyy') }).waitFor();

    await shell.goTo('Actions');
    await page.getByText('Waiting for legal sign-off').first().waitFor();
  });

  it('lists a planned session whose day passed on Today until the coach says it did not happen', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = new AppShell(page);
    await shell.addParticipant('Amara Okafor', 'Head of Operations');
    await page.getByRole('form', { name: 'Plan a session' }).getByRole('button', { name: 'Plan a session' }).click();
    await page.getByText('Planned · 09:00').waitFor();
    const planned = Object.values((await readRecords(page, ['sessions'])).sessions ?? {});
    expect(planned.map((session) => session.status)).toEqual(['planned']);

    // Two days after its day: not coming up any more, and not held either.
    await page.clock.setFixedTime(
      new Date(`${format(addDays(new Date(`${planned[0].date}T12:00`), 2), 'yyyy-MM-dd')}T09:00`),
    );
    await page.reload();
    await shell.goTo('Today');
    const notHeld = page.getByRole('region', { name: 'Planned, not held' });
    await notHeld.getByRole('link', { name: 'Amara Okafor' }).waitFor();
    await notHeld.screenshot({ path: `${screenshotDir}/today-planned-not-held.png` });
    const serious = (await axeFindings(page, 'Today, planned not held')).filter(isSerious);
    expect(serious.map(describeFinding)).toEqual([]);
    await notHeld.getByRole('button', { name: 'Did not happen' }).dblclick();
    await notHeld.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await notHeld.getByRole('link', { name: 'Amara Okafor' }).waitFor();
    const sessions = Object.values((await readRecords(page, ['sessions'])).sessions ?? {});
    expect(sessions.map((session) => [session.status, session.deletedAt])).toEqual([['planned', undefined]]);
  });
});
