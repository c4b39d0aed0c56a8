// Page object for the Metrics page: the scorecard, the measure panels and the filters.
import type { Locator, Page } from 'playwright-core';

export class MetricsPage {
  constructor(readonly page: Page) {}

  async waitForMeasures() {
    await this.page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor({ timeout: 60_000 });
    await this.scorecard().waitFor({ timeout: 60_000 });
    await this.page.locator('.trend-chart canvas').first().waitFor();
  }

  scorecard(): Locator {
    return this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: 'Pilot target (program guide)' }) });
  }

  scorecardRow(measure: string): Locator {
    return this.scorecard().getByRole('row', { name: new RegExp(`^${measure}`) });
  }

  /** The row's cells after its heading: baseline, now, target, status. */
  async scorecardCells(measure: string): Promise<string[]> {
    return (await this.scorecardRow(measure).getByRole('cell').allTextContents()).map((text) => text.trim());
  }

  panel(measure: string): Locator {
    return this.page.getByRole('article', { name: measure });
  }

  subtitle(): Locator {
    return this.page.locator('.metrics-subtitle');
  }

  async chooseScope(label: string) {
    await this.page.getByLabel('Who').selectOption({ label });
  }
}
