// Encrypted backups in Chromium: a backup made on one browser profile holds no private text in any
// byte, and a fresh profile restores it with its recovery key or with the coach's passphrase, not
// without and not with a wrong one. Screenshots at 960 px: the setup, the recovery key shown once,
// its printed page, and the question for the key after a wrong one.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, closeAfterEach, launchApp, type AppBrowser } from './browser';
import { screenshotDir } from './screenshots';
import { PrivacySettings } from './pages/privacy-settings';
import { testFolder } from './backup-files';
import { readStore } from './records';
import { newRecoveryKeyBytes } from '../../renderer/backup/backup-key';
import { recoveryKeyText } from '../../renderer/backup/recovery-key';

const MARKER = `reality-marker-${crypto.randomUUID()}`;
const PASSPHRASE = 'lantern orchard seventeen';
let app: AppBrowser | undefined;
closeAfterEach(() => app);
afterAll(() => rmSync(testFolder, { recursive: true, force: true }));

async function shoot(page: Page, name: string, target: { screenshot: Page['screenshot'] } = page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await target.screenshot({ path: `${screenshotDir}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function writeRealityMarker(page: Page) {
  const [sessionId] = await readStore<string[]>(page, { store: 'sessions', read: 'getAllKeys' });
  await page.goto(appUrl(`#/sessions/${sessionId}`));
  await page.getByRole('textbox', { name: 'Reality', exact: true }).fill(MARKER);
  await page.getByRole('textbox', { name: 'Goal', exact: true }).click();
  await expect
    .poll(
      async () =>
        (await readStore<{ reality: string }>(page, { store: 'sessions', read: 'get', key: sessionId })).reality,
    )
    .toBe(MARKER);
}

async function exportEverything(settings: PrivacySettings, name: string): Promise<{ path: string; bytes: Buffer }> {
  const download = settings.page.waitForEvent('download');
  await settings.backups().getByRole('button', { name: 'Export everything…' }).click();
  const path = join(testFolder, name);
  await (await download).saveAs(path);
  return { path, bytes: readFileSync(path) };
}

async function sessionRealities(page: Page): Promise<string[]> {
  const sessions = await readStore<{ reality: string }[]>(page, { store: 'sessions', read: 'getAll' });
  return sessions.map((session) => session.reality);
}

describe('encrypted backups across two browser profiles', () => {
  it('restore on a fresh profile with the recovery key or the passphrase, never without', async () => {
    // The computer that makes the backups.
    app = await launchApp({ hash: '?demo=small' });
    let { page } = app;
    await page.setViewportSize({ width: 960, height: 800 });
    await page.locator('[data-ready="true"]').waitFor({ timeout: 120_000 });
    await writeRealityMarker(page);
    let settings = new PrivacySettings(page);
    await settings.open();

    // Before the coach chooses, the first backup makes a recovery key for them to record.
    await settings.backups().getByRole('button', { name: 'Back up now' }).click();
    await settings.backups().getByText('Backed up.').waitFor();
    await settings.encryption().getByText('Record it now').waitFor();
    await shoot(page, 'backup-encryption-setup', settings.encryption());
    await settings.encryption().getByRole('button', { name: 'Show the recovery key' }).click();
    const shownOnce = settings.encryption().getByRole('region', { name: 'Your recovery key' });
    const recoveryKey = (await shownOnce.getByLabel('Recovery key').textContent())!;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    await shoot(page, 'backup-recovery-key-once', settings.encryption());
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${screenshotDir}/backup-recovery-key-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await shownOnce.getByRole('button', { name: 'I have recorded it' }).click();
    await settings.encryption().getByRole('button', { name: 'Replace recovery key' }).waitFor();
    expect(await settings.encryption().getByText(recoveryKey).count()).toBe(0);
    const withRecoveryKey = await exportEverything(settings, 'recovery-key.ftbackup');

    // A passphrase too short is said beside the field; a good one seals the next backups.
    await settings.encryption().getByRole('button', { name: 'Use a passphrase' }).click();
    const form = settings.encryption().getByRole('form', { name: 'Backup passphrase' });
    await form.getByLabel('Passphrase', { exact: true }).fill('short');
    await form.getByLabel('Repeat it').fill('short');
    await form.getByRole('button', { name: 'Use this passphrase' }).click();
    await form.getByRole('alert').getByText('Use at least 10 characters').waitFor();
    await shoot(page, 'backup-passphrase-too-short', settings.encryption());
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByLabel('Repeat it').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Use this passphrase' }).click();
    await settings
      .encryption()
      .getByText(/encrypted with your passphrase/)
      .waitFor({ timeout: 30_000 });
    const withPassphrase = await exportEverything(settings, 'passphrase.ftbackup');

    for (const file of [withRecoveryKey, withPassphrase]) {
      expect(file.bytes.includes(MARKER)).toBe(false);
      expect(file.bytes.includes(PASSPHRASE)).toBe(false);
    }
    await app.close();

    // Another computer: a fresh profile.
    app = await launchApp({ hash: '#/settings' });
    page = app.page;
    await page.setViewportSize({ width: 960, height: 800 });
    settings = new PrivacySettings(page);
    await settings.backups().waitFor({ timeout: 60_000 });

    await settings.chooseFile(withRecoveryKey.path);
    await settings.unlock().getByLabel('Recovery key').waitFor();
    await settings.typeBackupKey(await recoveryKeyText(newRecoveryKeyBytes()));
    await settings.unlock().getByText('This recovery key does not open this backup. Nothing was changed.').waitFor();
    await settings.typeBackupKey(`${recoveryKey.slice(0, -1)}${recoveryKey.endsWith('A') ? 'B' : 'A'}`);
    await settings
      .unlock()
      .getByText(/^That recovery key has a typo/)
      .waitFor();
    await settings.typeBackupKey(await recoveryKeyText(newRecoveryKeyBytes()));
    await shoot(page, 'backup-restore-wrong-key', settings.backups());
    expect(await settings.preview().count()).toBe(0);
    expect(await sessionRealities(page)).toEqual([]);

    await settings.typeBackupKey(recoveryKey.toLowerCase());
    await settings.restoreChosen();
    expect(await sessionRealities(page)).toContain(MARKER);

    // The passphrase backup, on the same fresh computer: its own key is not this computer's either.
    await settings.chooseFile(withPassphrase.path);
    await settings.typeBackupKey('lantern orchard eighteen');
    await settings.unlock().getByText('This passphrase does not open this backup. Nothing was changed.').waitFor();
    await settings.typeBackupKey(PASSPHRASE);
    await settings.preview().waitFor();
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});
