import { describe, expect, it } from 'vitest';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { FirstRunStep } from './pages/first-run-step';
import { screenshotDir } from './screenshots';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('the app shell', () => {
  it('loads every section with no console errors and shows real empty states', async () => {
    app = await launchApp();
    const shell = new AppShell(app.page);
    for (const section of [
      'Today',
      'Participants',
      'Sessions',
      'Actions',
      'Contracts',
      'Sync',
      'Metrics',
      'Settings',
    ]) {
      await shell.goTo(section);
    }
    await shell.goTo('Actions');
    await app.page.getByRole('heading', { name: 'No actions yet' }).waitFor();
    await shell.goTo('Today');
    // Today's heading shows before its live query answers; the first-run step follows it, then,
    // once skipped, the empty state.
    await new FirstRunStep(app.page).skip();
    await app.page.getByRole('button', { name: 'Add your first participant' }).waitFor();
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('renders the %s theme from the OS preference', async (colorScheme) => {
    app = await launchApp({ colorScheme });
    await new FirstRunStep(app.page).waitFor();
    const background = await app.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const expected = colorScheme === 'light' ? 'rgb(246, 247, 249)' : 'rgb(20, 24, 31)';
    expect(background).toBe(expected);
    await app.page.screenshot({ path: `${screenshotDir}/shell-today-${colorScheme}.png` });
  });

  it('keeps data written in the UI across a reload and a browser restart', async () => {
    app = await launchApp();
    const shell = new AppShell(app.page);
    await shell.addParticipant('Amara Okafor', 'Head of Operations');
    await app.page.reload();
    await shell.participantLink('Amara Okafor').waitFor();

    app = await app.restart();
    const restarted = new AppShell(app.page);
    await restarted.goTo('Participants');
    await expect(restarted.participantLink('Amara Okafor').textContent()).resolves.toContain('Head of Operations');
  });

  it('opens the command palette with Ctrl+K and jumps to a section', async () => {
    app = await launchApp();
    await app.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await app.page.keyboard.press('Control+k');
    await app.page.getByRole('dialog', { name: 'Command palette' }).getByRole('textbox').fill('go metrics');
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor();
    expect(app.page.url()).toMatch(/#\/metrics$/);
  });
});
