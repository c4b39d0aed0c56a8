// The web version reaching a receiver that sends no CORS headers: the browser lets the request's
// preflight through but not the answer, so the app must say what the receiver lacks (allowing
// cross-origin requests from the web version) instead of "Nothing answered". Real Chromium, a
// real receiver on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { appAndReceiverPerTest } from './app-and-receiver';
import { AppShell } from './pages/app-shell';
import { connectedToWebhook, SyncPageObject } from './pages/sync-page';

const SECRET = 'whsec_e2e-cors-secret';

const perTest = appAndReceiverPerTest();

describe('a webhook receiver without CORS headers, from the web version', () => {
  it('tells the coach that the receiver must allow cross-origin requests, not that nothing answered', async () => {
    const receiver = await perTest.startReceiver({ secret: SECRET });
    const app = await perTest.launchApp();
    const { sync } = await connectedToWebhook(app, receiver.url, SECRET, { withParticipant: false });
    const form = sync.settings();
    await form.getByRole('button', { name: 'Send test event' }).click();
    const message = form.getByText(/cross-origin/);
    await message.waitFor();
    const text = await message.innerText();
    expect(text).not.toMatch(/Nothing answered/);
    expect(text).toMatch(/desktop app does not need/);
    expect(receiver.events.size).toBe(0);
    await app.page.screenshot({ path: '/work/shots/h-sync/webhook-cors.png' });
  });

  it('copies a generated signing secret, to give to the receiving side', async () => {
    const app = await perTest.launchApp();
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const shell = new AppShell(app.page);
    await shell.goTo('Sync');
    const form = new SyncPageObject(app.page).settings();
    await form.getByLabel('Send actions to').selectOption('webhook');
    await form.getByRole('button', { name: 'Generate' }).click();
    await form.getByRole('button', { name: 'Copy' }).click();
    await form.getByText(/^Signing secret copied/).waitFor();
    const generated = await form.getByLabel('Signing secret').inputValue();
    expect(generated).not.toBe('');
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(generated);
  });
});
