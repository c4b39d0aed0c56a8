// Offline → online in Chromium: actions logged in a session while the network is down wait in
// the outbox, and go to a real webhook receiver on 127.0.0.1 when Playwright brings it back.
import { describe, expect, it } from 'vitest';
import { appAndReceiverPerTest } from './app-and-receiver';
import { connectedToWebhook } from './pages/sync-page';
import { screenshotDir } from './screenshots';
import type { WebhookReceiver } from '../support/webhook-receiver';
import { until } from '../support/until';
import { HELD_BACK_REASON } from '../../renderer/db/outbox';
import { closedPortUrl } from '../support/closed-port';

const SECRET = 'whsec_e2e-secret';

const perTest = appAndReceiverPerTest();

const actionTexts = (r: WebhookReceiver) =>
  [...r.records.values()].flatMap((event) => ('action' in event ? [event.action.text] : [])).sort();

describe('sync in the browser', () => {
  it('sends actions made offline when the network returns, signed, and shows the state in the sidebar', async () => {
    const receiver = await perTest.startReceiver({
      secret: SECRET,
      cors: true,
      refuse: (events) =>
        events.some((event) => 'action' in event && event.action.text.startsWith('Refused'))
          ? { status: 422, body: '{"error":"Owner must be an email address"}' }
          : null,
    });
    const app = await perTest.launchApp();
    const { context } = app;
    const { page, shell, sync } = await connectedToWebhook(app, receiver.url, SECRET);
    await sync.sendTestEvent();
    expect([...receiver.events.values()].map((event) => event.type)).toEqual(['test.ping']);

    // A coach who has had the app open a few seconds: every screen has been fetched.
    await page.locator('html[data-screens-prefetched="true"]').waitFor({ state: 'attached' });
    await context.setOffline(true);
    await sync.waitForIndicator('Offline');
    const session = await shell.startSessionFor('Amara Okafor');
    await session.addActionsByKeyboard([
      { text: 'Run the commitment review', owner: 'Amara', due: '2026-12-07', verification: 'Agenda' },
      { text: 'Publish the triage RACI', owner: 'Dana', due: '2026-12-11', verification: 'Link' },
    ]);
    await sync.waitForIndicator('2 pending');
    expect(receiver.records.size).toBe(0);

    await context.setOffline(false);
    await until(() => receiver.records.size === 2, 'both actions at the receiver');
    expect(actionTexts(receiver)).toEqual(['Publish the triage RACI', 'Run the commitment review']);
    expect(receiver.requests.every((request) => request.signatureValid)).toBe(true);
    await sync.waitForIndicator('Up to date');

    await session.addActionByKeyboard({
      text: 'Refused: hand the RACI to Dana',
      owner: 'Dana',
      due: '',
      verification: '',
    });
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await sync.needsAttention().getByText('Refused by the upstream. The receiver answered 422').waitFor();
    await sync.waitForIndicator('Needs attention');
    await page.getByText(/^2 actions sent this week, 1 failed: Refused by the upstream/).waitFor();
    await sync.history().getByText('Sent 2 actions').waitFor();

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${screenshotDir}/sync-${colorScheme}.png`, fullPage: true });
    }

    // Retried as it is, the change meets the same refusal; History says the coach's Retry ran.
    await sync.needsAttention().getByRole('button', { name: 'Retry', exact: true }).click();
    await sync.history().getByRole('cell', { name: 'Retry', exact: true }).waitFor();
    await sync.needsAttention().getByText('Refused by the upstream. The receiver answered 422').waitFor();

    const discard = sync.needsAttention().getByRole('button', { name: 'Discard' });
    await discard.click();
    await sync.needsAttention().getByRole('button', { name: 'Discard for good?' }).click();
    await sync.waitForIndicator('Up to date');
    // History keeps the discard: what the change was and why it failed.
    const discarded = sync
      .history()
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Discard', exact: true }) });
    await discarded
      .getByText(/^Discarded a failed action change: it will not be sent\. It had failed with: Refused/)
      .waitFor();
    await discarded.getByText('Details').click();
    await discarded.getByRole('listitem').filter({ hasText: 'Refused: hand the RACI to Dana' }).waitFor();
    await page.screenshot({ path: `${screenshotDir}/sync-discarded.png`, fullPage: true });
    // The browser logs the 422 it was made to receive; nothing else may appear.
    expect(app.consoleErrors.filter((line) => !line.includes('status of 422'))).toEqual([]);
  });

  it('holds back at once the actions of a leader who has not agreed to share them, and queues them once they agree', async () => {
    const receiver = await perTest.startReceiver({ secret: SECRET, cors: true });
    const app = await perTest.launchApp();
    const { page, shell, sync } = await connectedToWebhook(app, receiver.url, SECRET);

    const sharing = async (choice: string) => {
      await shell.goTo('Participants');
      await shell.participantLink('Amara Okafor').click();
      // The radios sit under the segmented control's labels, as a coach clicks them.
      const group = page.getByRole('radiogroup', { name: 'Action items shared upstream' });
      await group.locator('label', { hasText: choice }).click();
      await page.getByRole('radio', { name: choice, checked: true }).waitFor();
    };
    await sharing('Not at all');
    const session = await shell.startSessionFor('Amara Okafor');
    await session.addActionByKeyboard({ text: 'Run the commitment review', owner: 'Amara', due: '', verification: '' });
    // Held from the moment it is saved, not counted as pending until a sync finds out.
    await sync.waitForIndicator('1 held back by consent');
    await sync.waitForIndicator('Up to date');
    await shell.goTo('Sync');
    const waiting = page.getByRole('region', { name: 'Waiting to send' });
    await waiting.getByText('Action · Amara Okafor ·').waitFor();
    await waiting.getByText(HELD_BACK_REASON).waitFor();
    await page.screenshot({ path: `${screenshotDir}/sync-held-by-consent.png`, fullPage: true });

    await sharing('With their name');
    await sync.waitForIndicator('1 pending');
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await sync.waitForIndicator('Up to date');
    expect(actionTexts(receiver)).toEqual(['Run the commitment review']);
  });

  it('says the upstream is unreachable when nothing answers at its address, and counts no failed attempt', async () => {
    const { url } = await closedPortUrl();
    const app = await perTest.launchApp();
    const { page, shell, sync } = await connectedToWebhook(app, `${url}hooks/followthrough`, SECRET);

    const session = await shell.startSessionFor('Amara Okafor');
    await session.addActionByKeyboard({ text: 'Run the commitment review', owner: 'Amara', due: '', verification: '' });
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await sync.waitForIndicator('Unreachable');
    await page
      .getByText(/nothing answers there at the moment/)
      .first()
      .waitFor();
    await sync
      .history()
      .getByText(/no failed attempt is counted against them/)
      .waitFor();
    // Waiting, not failing: nothing needs the coach's attention, and the sidebar says what waits.
    expect(await sync.needsAttention().count()).toBe(0);
    await sync.waitForIndicator('1 pending');
    await page.screenshot({ path: `${screenshotDir}/sync-unreachable.png`, fullPage: true });
    // The browser logs each refused connection; nothing else may appear.
    expect(app.consoleErrors.filter((line) => !line.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });

  it('shows a change whose last try failed as waiting for its next try, not as an error', async () => {
    const receiver = await perTest.startReceiver({
      secret: SECRET,
      cors: true,
      refuse: () => ({ status: 503, body: '{"error":"Down for maintenance"}' }),
    });
    const app = await perTest.launchApp();
    const { page, shell, sync } = await connectedToWebhook(app, receiver.url, SECRET);
    const session = await shell.startSessionFor('Amara Okafor');
    await session.addActionByKeyboard({ text: 'Run the commitment review', owner: 'Amara', due: '', verification: '' });
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    const waiting = page.getByRole('region', { name: 'Waiting to send' });
    const reason = waiting.locator('.sync-reason').filter({ hasText: /^Trying again \d\d:\d\d\. Last try: / });
    await reason.waitFor();
    // Muted like the other quiet notes of the list, not in the colour of an error.
    const colour = (locator: typeof reason) => locator.evaluate((element) => getComputedStyle(element).color);
    const muted = await page
      .locator('.muted')
      .first()
      .evaluate((element) => getComputedStyle(element).color);
    expect(await colour(reason)).toBe(muted);
    expect(await sync.needsAttention().count()).toBe(0);
    await waiting.screenshot({ path: `${screenshotDir}/sync-retrying.png` });
  });
});
