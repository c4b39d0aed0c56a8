// Page object for "Import calendar (.ics)…" on the Sessions page and the preview it opens.
import type { Page } from 'playwright-core';

export class CalendarImport {
  constructor(readonly page: Page) {}

  /** Picks the file through the button's own file chooser, as a coach would. */
  async choose(path: string) {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.page.getByRole('button', { name: 'Import calendar (.ics)…' }).click(),
    ]);
    await chooser.setFiles(path);
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** The rows of a table in the dialog, each as its cells' text. */
  async rows(table: 'Sessions to add' | 'Events left out'): Promise<string[][]> {
    const rows = this.dialog().getByRole('table', { name: table }).locator('tbody tr');
    return rows.evaluateAll((elements) =>
      elements.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );
  }
}
