// Reminders in the web version: turned on in Settings (the browser asks then, never on load), a
// session planned ten minutes ahead raises a notification naming who and when and nothing that
// was said, and clicking it opens Today on the session's prep card. With notifications blocked,
// Settings says where to allow them.
import { describe, expect, it } from 'vitest';
import { addMinutes, format } from 'date-fns';
import { appUrl, closeAfterEach, launchApp, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { SessionPage } from './pages/session-page';
import { recordNotifications, ReminderSettings } from './pages/reminder-settings';
import { screenshotDir } from './screenshots';

const secrets = {
  goal: 'PRIVATE-GOAL wants to leave before the reorganisation',
  reality: 'PRIVATE-REALITY the director undermines her',
  options: 'PRIVATE-OPTIONS talk to HR',
  will: 'PRIVATE-WILL draft the letter',
};

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('reminders', () => {
  it('raises a notification for a session ten minutes away, with no private text, that opens its prep card', async () => {
    const origin = new URL(appUrl()).origin;
    app = await launchApp({
      beforeLoad: async (context) => {
        await context.grantPermissions(['notifications'], { origin });
        await recordNotifications(context);
      },
    });
    const { page } = app;
    const shell = new AppShell(page);
    await shell.addParticipant('Amara Okafor', 'Head of Operations');

    // Ten minutes from now, to the minute: between nine and ten minutes away.
    const start = addMinutes(new Date(), 10);
    const plan = page.getByRole('form', { name: 'Plan a session' });
    await plan.getByLabel('Date').fill(format(start, 'yyyy-MM-dd'));
    await plan.getByLabel('Time').fill(format(start, 'HH:mm'));
    await plan.getByRole('button', { name: 'Plan a session' }).click();
    await page.getByText(`Planned · ${format(start, 'HH:mm')}`).waitFor();

    // What is said in it stays in it.
    await shell.goTo('Today');
    const comingUp = page.getByRole('region', { name: 'Coming up' });
    await comingUp.getByText(format(start, 'HH:mm')).click();
    await comingUp.getByRole('button', { name: 'Open the session' }).click();
    const session = new SessionPage(page);
    await session.field('Goal').click();
    await session.typeGrow(secrets);
    await page.keyboard.press('Tab');
    const sessionId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);

    const reminders = new ReminderSettings(page);
    await reminders.open();
    expect(await reminders.raised()).toEqual([]);
    // A run at night must not wait for the morning.
    await reminders.quietHours().uncheck();
    await reminders.turnOn();
    await reminders.section().screenshot({ path: `${screenshotDir}/settings-reminders-on.png` });
    await expect.poll(() => reminders.raised()).toHaveLength(1);
    const [raised] = await reminders.raised();
    expect(raised.title).toBe(`Amara Okafor at ${format(start, 'HH:mm')}`);
    expect(raised.body).toMatch(/^1:1 session in 10 minutes or less/);
    for (const text of Object.values(secrets)) {
      expect(raised.title).not.toContain(text);
      expect(raised.body).not.toContain(text);
    }

    await reminders.click(0);
    await page.waitForURL((url) => url.hash === `#/today/${sessionId}`);
    await page.getByRole('group', { name: 'Prep for Amara Okafor' }).waitFor();
    await page.screenshot({ path: `${screenshotDir}/reminder-click-prep-card.png` });

    // Shown once: a reload does not raise it again.
    await page.reload();
    await page.getByRole('group', { name: 'Prep for Amara Okafor' }).waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.remindersChecked === 'true');
    expect(await reminders.raised()).toEqual([]);
  });

  it('says where to allow notifications when the browser blocks them, and offers no switch that cannot work', async () => {
    const origin = new URL(appUrl()).origin;
    app = await launchApp({
      beforeLoad: async (context, page) => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Browser.setPermission', {
          permission: { name: 'notifications' },
          setting: 'denied',
          origin,
        });
        await recordNotifications(context);
      },
    });
    const { page } = app;
    const reminders = new ReminderSettings(page);
    await reminders.open();
    const section = reminders.section();
    await section.getByText('Your browser blocks notifications from Followthrough').waitFor();
    expect(await section.getByText(/set Notifications to Allow/).isVisible()).toBe(true);
    expect(await section.getByRole('button', { name: 'Turn on reminders' }).count()).toBe(0);
    expect(await reminders.raised()).toEqual([]);
    await page.setViewportSize({ width: 960, height: 800 });
    await section.screenshot({ path: `${screenshotDir}/settings-reminders-blocked-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await section.screenshot({ path: `${screenshotDir}/settings-reminders-blocked-dark.png` });
  });

  it('refuses quiet hours that end when they start, next to the field, keeping what was typed', async () => {
    app = await launchApp();
    const { page } = app;
    const reminders = new ReminderSettings(page);
    await reminders.open();
    const to = reminders.section().getByLabel('To', { exact: true });
    await to.fill('20:00');
    await reminders.section().getByText('Quiet hours need an end different from their start').waitFor();
    expect(await to.inputValue()).toBe('20:00');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await page.reload();
    await reminders
      .section()
      .getByText(/Reminders are (on|off)/)
      .waitFor();
    expect(await to.inputValue()).toBe('08:00');
  });

  it('shows the reminders section in both themes', async () => {
    app = await launchApp({ beforeLoad: (context) => recordNotifications(context) });
    const { page } = app;
    await page.setViewportSize({ width: 960, height: 800 });
    const reminders = new ReminderSettings(page);
    await reminders.open();
    await reminders.section().scrollIntoViewIfNeeded();
    await reminders.section().screenshot({ path: `${screenshotDir}/settings-reminders-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await reminders.section().screenshot({ path: `${screenshotDir}/settings-reminders-dark.png` });
  });
});
