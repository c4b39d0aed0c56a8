// Page object for the session editor, driven from the keyboard as a coach would.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readStore } from '../records';

export type Grow = { goal: string; reality: string; options: string; will: string };
export type NewAction = { text: string; owner: string; due: string; verification: string };

export class SessionPage {
  constructor(readonly page: Page) {}

  field(label: string) {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  actionLog() {
    return this.page.getByRole('region', { name: 'Action log' });
  }

  async typeGrow(values: Grow) {
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
  async addActionByKeyboard(action: NewAction) {
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

  /** Adds the actions one after the other, each as `addActionByKeyboard` does. */
  async addActionsByKeyboard(actions: NewAction[]) {
    for (const action of actions) await this.addActionByKeyboard(action);
  }

  actionTexts() {
    return this.actionLog()
      .getByRole('textbox', { name: 'Action', exact: true })
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  /** How long the open session's Notes are in IndexedDB, read through a connection of its own. */
  async storedNotesLength(): Promise<number | null> {
    const key = new URL(this.page.url()).hash.split('/')[2];
    const session = await readStore<{ notes?: string } | undefined>(this.page, { store: 'sessions', read: 'get', key });
    return session?.notes?.length ?? null;
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
