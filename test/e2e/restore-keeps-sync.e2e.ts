// A backup cannot redirect sync. Restoring one made while sync went to another webhook keeps this
// computer's receiver, says so in the preview, and the next run sends nothing, signed with the
// coach's secret or otherwise, to the backup's address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppBrowser } from './browser';
import { connectedToWebhook } from './pages/sync-page';
import { PrivacySettings } from './pages/privacy-settings';
import { screenshotDir } from './screenshots';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { until } from '../support/until';

const COACH_SECRET = 'whsec_the-coach-receiver';
const folder = mkdtempSync(join(tmpdir(), 'followthrough-restore-sync-'));
let app: AppBrowser | undefined;
let receivers: WebhookReceiver[] = [];

afterEach(async () => {
  await app?.close();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  app = undefined;
  receivers = [];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('restoring a backup made while sync went elsewhere', () => {
  it('keeps this computer’s receiver, says so, and sends nothing to the backup’s', async () => {
    const elsewhere = await startWebhookReceiver({ secret: 'whsec_elsewhere', cors: true });
    const coachReceiver = await startWebhookReceiver({ secret: COACH_SECRET, cors: true });
    receivers = [elsewhere, coachReceiver];
    app = await launchApp();
    const { page, shell, sync } = await connectedToWebhook(app, elsewhere.url, 'whsec_elsewhere');
    const settings = new PrivacySettings(page);
    await settings.open();
    const download = page.waitForEvent('download');
    await settings.backups().getByRole('button', { name: 'Export everything…' }).click();
    const backup = join(folder, (await download).suggestedFilename());
    await (await download).saveAs(backup);

    await shell.goTo('Sync');
    await sync.connectWebhook(coachReceiver.url, COACH_SECRET);
    await settings.open();
    await settings.chooseFile(backup);
    await settings
      .preview()
      .getByText(
        `This backup was made syncing with the webhook at ${elsewhere.url}. Sync on this computer stays as it is: the webhook at ${coachReceiver.url}.`,
      )
      .waitFor();
    await settings.preview().scrollIntoViewIfNeeded();
    await settings.backups().screenshot({ path: `${screenshotDir}/restore-preview-sync-stays.png` });
    const reachedElsewhere = elsewhere.requests.length;
    await settings
      .preview()
      .getByRole('button', { name: /^Restore [\d,]+ records?$/ })
      .click();
    await settings
      .backups()
      .getByText(/^Restored the backup of/)
      .waitFor();

    const session = await shell.startSessionFor('Amara Okafor');
    await session.addActionByKeyboard({ text: 'Run the commitment review', owner: 'Amara', due: '', verification: '' });
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await until(() => coachReceiver.records.size === 1, 'the action at this computer’s receiver');
    expect(coachReceiver.requests.every((request) => request.signatureValid)).toBe(true);
    expect(elsewhere.requests.length).toBe(reachedElsewhere);
    expect(app.consoleErrors).toEqual([]);
  });
});
