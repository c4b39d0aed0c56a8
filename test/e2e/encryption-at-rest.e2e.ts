// What a copied profile or backup gives away: a marker typed into every private field and into an
// action and a commitment is searched for in every byte of the browser profile, once the browser
// is closed, with and without the app lock, and of an exported backup. Nothing may be found; and, checked first, the same search does
// find it in the page's memory of the fields.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterEach, launchApp, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { ContractsPage } from './pages/contracts-page';
import { PrivacySettings } from './pages/privacy-settings';
import { filesHolding } from './profile-scan';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const marker = `QX${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}ZT`;
const said = (where: string) => `${where} ${marker}`;

async function typeEveryPrivateField(app: AppBrowser) {
  const { page } = app;
  const shell = new AppShell(page);
  await shell.addParticipant('Amara Okafor', 'Head of Operations');
  await page
    .getByRole('article', { name: 'Amara Okafor' })
    .getByRole('textbox', { name: 'Notes', exact: true })
    .fill(said('participant'));
  const session = await shell.startSession();
  await session.typeGrow({
    goal: said('goal'),
    reality: said('reality'),
    options: said('options'),
    will: said('will'),
  });
  await session.field('Notes').fill(said('notes'));
  await session.addActionByKeyboard({
    text: said('action'),
    owner: 'Amara',
    due: 'fri',
    verification: said('verified'),
  });
  await session.waitUntilSaved();

  const contracts = new ContractsPage(page);
  await contracts.create({
    leader: 'Amara Okafor',
    title: 'Operations team',
    team: 'Operations',
    startDate: '2026-12-01',
  });
  await contracts.addCommitment(1, said('commitment'), said('criteria'), 'Amara');
  await page.getByText('Saved').first().waitFor();
}

async function exportedBackup(app: AppBrowser, folder: string): Promise<string> {
  const settings = new PrivacySettings(app.page);
  await settings.open();
  await settings.backups().getByRole('button', { name: 'Back up now' }).click();
  await settings.backups().getByText('Backed up.').waitFor();
  const download = app.page.waitForEvent('download');
  await settings.backups().getByRole('button', { name: 'Export everything…' }).click();
  const path = join(folder, 'exported.ftbackup');
  await (await download).saveAs(path);
  return path;
}

describe('encryption at rest', () => {
  it('leaves no private text in the profile or a backup, unlocked or locked', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'followthrough-at-rest-'));
    app = await launchApp();
    await app.page.getByRole('button', { name: 'Skip for now' }).click();
    await typeEveryPrivateField(app);

    // The search works: what the page holds in memory, written to a file, is found.
    const shown = join(folder, 'page.html');
    writeFileSync(shown, await app.page.content(), 'utf16le');
    expect(filesHolding(shown, marker)).toEqual([expect.stringContaining(shown)]);

    const backup = await exportedBackup(app, folder);
    expect(filesHolding(backup, marker)).toEqual([]);
    const profile = app.profileDir;
    // Closed, not removed as app.close() would: the profile is what is searched.
    await app.context.close();
    expect(filesHolding(profile, marker)).toEqual([]);

    app = await launchApp({ profileDir: profile });
    const settings = new PrivacySettings(app.page);
    await settings.open();
    await settings.turnOnLock('correct horse battery');
    await app.page.keyboard.press('Control+Shift+L');
    await app.page.getByRole('button', { name: 'Unlock' }).waitFor();
    await app.context.close();
    expect(filesHolding(profile, marker)).toEqual([]);

    // Reopened, the profile shows the lock screen and its records stay sealed until the passcode.
    app = await launchApp({ profileDir: profile });
    await app.page.getByRole('button', { name: 'Unlock' }).waitFor();
    const stored = await app.page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('followthrough');
          open.onsuccess = () => {
            const read = open.result.transaction('sessions').objectStore('sessions').getAll();
            read.onsuccess = () => resolve((read.result as object[]).map((row) => Object.keys(row).sort().join()));
          };
        }),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('sealed');
    expect(stored[0]).not.toContain('reality');
    await app.page.getByLabel('Passcode').fill('correct horse battery');
    await app.page.getByRole('button', { name: 'Unlock' }).click();
    await new AppShell(app.page).goTo('Sessions');
    await app.page.getByRole('region', { name: 'Session list' }).getByRole('link').first().click();
    await app.page.getByRole('textbox', { name: 'Reality', exact: true }).waitFor();
    expect(await app.page.getByRole('textbox', { name: 'Reality', exact: true }).inputValue()).toBe(said('reality'));
  });
});
