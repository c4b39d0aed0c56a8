// Importing an Outlook calendar file through the Sessions page: the preview names every session it
// would add and every event it leaves out, nothing is written before the coach confirms, and a
// second import of the same file adds nothing.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { CalendarImport } from './pages/calendar-import';
import { axeFindings, describeFinding, isSerious } from './axe';
import { cutText } from './table-fit';
import { screenshotDir } from './screenshots';

const outlookFile = 'test/fixtures/calendar/outlook-20-events.ics';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('calendar import', () => {
  it('previews an Outlook file, adds its planned sessions on confirming, and adds none the second time', async () => {
    // A coach in London on Monday 4 January 2027, the day the fixture's window starts.
    app = await launchApp({ timezoneId: 'Europe/London' });
    const { page } = app;
    await page.clock.setFixedTime(new Date('2027-01-04T08:00:00Z'));
    await page.reload();
    const shell = new AppShell(page);
    for (const name of ['Amara Okafor', 'Bea Lindqvist', 'Chidi Eze', 'Dana Müller']) {
      await shell.addParticipant(name, 'Team lead');
    }
    await shell.goTo('Sessions');
    const calendar = new CalendarImport(page);

    await calendar.choose(outlookFile);
    const dialog = calendar.dialog();
    await dialog.getByRole('heading', { name: 'Import planned sessions from outlook-20-events.ics' }).waitFor();
    const toAdd = await calendar.rows('Sessions to add');
    expect(toAdd).toHaveLength(21);
    expect(toAdd.slice(0, 3)).toEqual([
      ['Mon 4 Jan 2027', '09:00', 'Amara Okafor', 'Coaching – Amara Okafor', '1 h'],
      ['Thu 7 Jan 2027', '14:00', 'Bea Lindqvist', 'Leadership 1:1', '50 min'],
      ['Mon 11 Jan 2027', '09:00', 'Amara Okafor', 'Coaching – Amara Okafor', '1 h'],
    ]);
    expect(toAdd.at(-1)).toEqual(['Thu 1 Apr 2027', '14:00', 'Bea Lindqvist', 'Leadership 1:1', '50 min']);
    await dialog.getByRole('heading', { name: 'Left out (9)' }).waitFor();
    const leftOut = await calendar.rows('Events left out');
    expect(leftOut).toContainEqual([
      'Weekly team meeting',
      'Mon 4 Jan 2027, 07:30 and 38 more',
      'Not matched: no participant’s name in the title or among the attendees',
    ]);
    expect(leftOut).toContainEqual([
      'Coaching Bea Lindqvist',
      '—',
      'Unknown time zone “Customized Time Zone”: its time cannot be placed',
    ]);
    expect(leftOut).toContainEqual(['(no title)', 'Wed 20 Jan 2027, 10:00', 'No title']);
    await dialog
      .getByText('“Leadership 1:1” repeats with no end date: only its sessions up to Sun 4 Apr 2027 are proposed.')
      .waitFor();
    await dialog.getByText('2 events fall before today or after Sun 4 Apr 2027 and are left out.').waitFor();
    const serious = (await axeFindings(page, 'calendar import preview')).filter(isSerious);
    expect(serious.map(describeFinding)).toEqual([]);

    // At 960 px, in both themes.
    await page.setViewportSize({ width: 960, height: 800 });
    expect(await cutText(dialog)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/calendar-import-preview-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${screenshotDir}/calendar-import-preview-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    // Nothing is written before the coach confirms, by keyboard: the add command has the focus.
    const list = page.getByRole('region', { name: 'Session list' });
    await page.getByRole('heading', { name: 'No sessions yet' }).waitFor();
    const add = dialog.getByRole('button', { name: 'Add 21 planned sessions' });
    expect(await add.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Planned sessions from the calendar: 21 added, 0 already there.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => list.getByRole('row', { name: /Planned/ }).count()).toBe(21);
    await page.screenshot({ path: `${screenshotDir}/calendar-import-sessions-960.png` });

    // The same file again: nothing new.
    await calendar.choose(outlookFile);
    await dialog.getByText('0 new planned sessions; 21 are already in Followthrough and stay as they are.').waitFor();
    await dialog.getByRole('button', { name: 'Add 0 planned sessions' }).click();
    await page.getByText('Planned sessions from the calendar: 0 added, 21 already there.').waitFor();
    expect(await list.getByRole('row', { name: /Planned/ }).count()).toBe(21);
  });

  it('says plainly that a file is not a calendar, and Escape closes the message', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = new AppShell(page);
    await shell.addParticipant('Amara Okafor', 'Team lead');
    await shell.goTo('Sessions');
    const notes = join(tmpdir(), `notes-${crypto.randomUUID()}.ics`);
    writeFileSync(notes, 'Coaching with Amara on Monday at ten');
    const calendar = new CalendarImport(page);
    await calendar.choose(notes);
    await calendar
      .dialog()
      .getByRole('alert')
      .getByText(/is not a calendar file Followthrough can read \(it does not begin with BEGIN:VCALENDAR\)/)
      .waitFor();
    await page.keyboard.press('Escape');
    await calendar.dialog().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'No sessions yet' }).waitFor();
  });
});
