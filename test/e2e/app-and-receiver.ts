// The fixture of the webhook e2e files: each test gets its own browser app and its own webhook
// receiver on 127.0.0.1, and both are closed after the test whether it passed or failed.
import { afterEach } from 'vitest';
import { launchApp, type AppBrowser, type LaunchOptions } from './browser';
import { startWebhookReceiver, type ReceiverOptions, type WebhookReceiver } from '../support/webhook-receiver';

export function appAndReceiverPerTest() {
  let app: AppBrowser | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await app?.close();
    await receiver?.close();
    app = receiver = undefined;
  });
  return {
    launchApp: async (options?: LaunchOptions) => (app = await launchApp(options)),
    startReceiver: async (options: ReceiverOptions) => (receiver = await startWebhookReceiver(options)),
  };
}
