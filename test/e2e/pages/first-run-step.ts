// Page object for the first-run step on Today: the coach's name and organisation, or Skip.
import type { Page } from 'playwright-core';

export class FirstRunStep {
  constructor(readonly page: Page) {}

  form() {
    return this.page.getByRole('form', { name: 'About you' });
  }

  async waitFor() {
    await this.form().waitFor();
  }

  async introduce(name: string, organisation: string) {
    await this.form().getByRole('textbox', { name: 'Your name' }).fill(name);
    await this.form().getByRole('textbox', { name: 'Your organisation' }).fill(organisation);
    await this.form().getByRole('button', { name: 'Continue' }).click();
    await this.form().waitFor({ state: 'detached' });
  }

  async skip() {
    await this.form().getByRole('button', { name: 'Skip for now' }).click();
    await this.form().waitFor({ state: 'detached' });
  }
}
