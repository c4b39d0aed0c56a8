// Page object for the Sync page and the sidebar's sync indicator.
import type { Page } from 'playwright-core';
import type { AppBrowser } from '../browser';
import { AppShell } from './app-shell';

/**
 * The app on its Sync page with a webhook saved in Sync settings; by default with Amara Okafor
 * added first, sharing her actions with her name, whose actions the test then logs.
 */
export async function connectedToWebhook(
  app: AppBrowser,
  url: string,
  secret: string,
  { withParticipant = true } = {},
) {
  const shell = new AppShell(app.page);
  const sync = new SyncPageObject(app.page);
  if (withParticipant) await shell.addParticipant('Amara Okafor', 'Head of Operations', 'With their name');
  await shell.goTo('Sync');
  await sync.connectWebhook(url, secret);
  return { page: app.page, shell, sync };
}

export class SyncPageObject {
  constructor(readonly page: Page) {}

  indicator() {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('status');
  }

  async waitForIndicator(text: string | RegExp) {
    await this.indicator().getByText(text).waitFor();
  }

  settings() {
    return this.page.getByRole('form', { name: 'Sync settings' });
  }

  async connectWebhook(url: string, secret: string) {
    const form = this.settings();
    await form.getByLabel('Send actions to').selectOption('webhook');
    await form.getByLabel('Webhook URL').fill(url);
    await form.getByLabel('Signing secret').fill(secret);
    await form.getByRole('button', { name: 'Save sync settings' }).click();
    await form.getByText('Sync settings saved').waitFor();
  }

  async sendTestEvent() {
    const form = this.settings();
    await form.getByRole('button', { name: 'Send test event' }).click();
    await form.getByText(/^Test event delivered/).waitFor();
  }

  needsAttention() {
    return this.page.getByRole('region', { name: 'Needs attention' });
  }

  history() {
    return this.page.getByRole('region', { name: 'History' });
  }
}
