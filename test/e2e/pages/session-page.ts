// Page object for the session editor, driven from the keyboard as a coach would.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export class SessionPage {
  constructor(readonly page: Page) {}

  field(label: string) {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  actionLog() {
    return this.page.getByRole('region', { name: 'Action log' });
  }

  async typeGrow(values: { goal: string; reality: string; options: string; will: string }) {
    await this.field('Goal').waitFor();
    await this.page.keyboard.type(values.goal);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(values.reality);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(values.options);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(values.will);
  }

  /** Alt+A from wherever the focus is, then the add row: action, owner, due, verification, Enter. */
  async addActionByKeyboard(action: { text: string; owner: string; due: string; verification: string }) {
    await this.page.keyboard.press('Alt+a');
    await this.page.keyboard.type(action.text);
    for (const value of [action.owner, action.due, action.verification]) {
      await this.page.keyboard.press('Tab');
      await this.page.keyboard.type(value);
    }
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(
      (text) =>
        [...document.querySelectorAll<HTMLInputElement>('[aria-label="Action log"] :is(input, textarea)')].some(
          (i) => i.value === text,
        ),
      action.text,
    );
  }

  actionTexts() {
    return this.actionLog()
      .getByRole('textbox', { name: 'Action', exact: true })
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  /** How long the open session's Notes are in IndexedDB, read through a connection of its own. */
  storedNotesLength(): Promise<number | null> {
    return this.page.evaluate(
      () =>
        new Promise<number | null>((resolve, reject) => {
          const request = indexedDB.open('followthrough');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const get = request.result.transaction('sessions').objectStore('sessions').get(location.hash.split('/')[2]);
            get.onsuccess = () => {
              request.result.close();
              resolve((get.result?.notes as string | undefined)?.length ?? null);
            };
          };
        }),
    );
  }

  /**
   * Waits until the open session's Notes in IndexedDB are `length` characters long. Polled from
   * here: page.waitForFunction does not wait for a promise its predicate returns (a promise is
   * truthy), so a check written that way passes at once.
   */
  async waitForStoredNotesLength(length: number) {
    await expect.poll(() => this.storedNotesLength(), { timeout: 10_000, interval: 100 }).toBe(length);
  }

  async waitUntilSaved() {
    await this.page.getByText(/^(Saved|All changes saved)$/).waitFor();
  }
}
