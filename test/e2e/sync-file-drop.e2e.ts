// The file drop in the browser version: each sync downloads the week's CSV and JSON Lines files,
// and the changes they hold leave the queue.
import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { amara, startSessionWith } from './pages/app-shell';
import { SyncPageObject } from './pages/sync-page';
import { fileDropNames, fileDropWeek } from '../../shared/file-drop-files';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

describe('the file drop in the browser', () => {
  it("downloads the week's CSV and JSON Lines files and empties the queue", async () => {
    app = await launchApp();
    const { page, shell, session } = await startSessionWith(app, { ...amara, sharing: 'With their name' });
    const sync = new SyncPageObject(page);
    await session.addActionByKeyboard({ text: 'Book the quarterly review', owner: 'Amara', due: '', verification: '' });

    await shell.goTo('Sync');
    const form = sync.settings();
    await form.getByLabel('Send actions to').selectOption('file-drop');
    await form.getByText('In the browser, each sync downloads').waitFor();
    // A weekly time that is no time is refused, and no longer matters once the weekly sync is off.
    const time = form.getByLabel('Time of the weekly sync, 24-hour');
    await time.fill('25:00');
    await form.getByRole('button', { name: 'Save sync settings' }).click();
    await form.getByText('Use a time like 16:00').waitFor();
    await form.getByLabel('Sync every week').uncheck();
    await form.getByRole('button', { name: 'Save sync settings' }).click();
    await form.getByText('Sync settings saved').waitFor();
    expect(await time.inputValue()).toBe('16:00');

    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await page.getByRole('button', { name: 'Sync now' }).click();
    await sync.waitForIndicator('Up to date');
    await expect.poll(() => downloads.length).toBe(2);

    const names = fileDropNames(fileDropWeek(Date.now()));
    expect(downloads.map((download) => download.suggestedFilename()).sort()).toEqual([names.csv, names.jsonl]);
    const jsonl = downloads.find((download) => download.suggestedFilename() === names.jsonl)!;
    const [line] = (await readFile((await jsonl.path())!, 'utf8')).trimEnd().split('\n');
    expect(JSON.parse(line)).toMatchObject({ type: 'action.upserted', action: { text: 'Book the quarterly review' } });
    await sync.history().getByText('Sent 1 action').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
