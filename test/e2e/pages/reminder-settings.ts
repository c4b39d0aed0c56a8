// Page object for Settings → Reminders, and a stand-in for the browser's Notification that records
// what the app raises while still answering with the browser's real permission.
import type { BrowserContext, Page } from 'playwright-core';

export type RaisedNotification = { title: string; body: string };

declare global {
  interface Window {
    raisedNotifications?: (RaisedNotification & { onclick: (() => void) | null })[];
  }
}

/** Replaces window.Notification, before the app loads, with one that records instead of showing. */
export async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.Notification;
    const raised: NonNullable<Window['raisedNotifications']> = [];
    window.raisedNotifications = raised;
    class RecordingNotification {
      static get permission() {
        return Real.permission;
      }
      static requestPermission() {
        return Real.requestPermission();
      }
      onclick: (() => void) | null = null;
      readonly body: string;
      constructor(
        readonly title: string,
        options?: NotificationOptions,
      ) {
        this.body = options?.body ?? '';
        raised.push(this);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
  });
}

export class ReminderSettings {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Reminders' });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await this.section()
      .getByText(/Reminders are (on|off)/)
      .waitFor();
  }

  async turnOn() {
    await this.section().getByRole('button', { name: 'Turn on reminders' }).click();
    await this.section().getByText('Reminders are on').waitFor();
  }

  quietHours() {
    return this.section().getByRole('checkbox', { name: /No reminder between/ });
  }

  /** What the app raised so far, as the recording Notification saw it. */
  raised(): Promise<RaisedNotification[]> {
    return this.page.evaluate(() => (window.raisedNotifications ?? []).map(({ title, body }) => ({ title, body })));
  }

  /** Clicks the n-th notification raised, as the coach would on the system's. */
  click(index: number): Promise<void> {
    return this.page.evaluate((n) => window.raisedNotifications?.[n]?.onclick?.(), index);
  }
}
