// Accountability contracts end to end in Chromium: a contract with four commitments and a 6×4
// RACI typed from the keyboard, a review that changes two statuses, the earlier version beside
// the current one, and the review reminder moving.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { amara } from './pages/app-shell';
import { contractWithNewLeader } from './pages/contracts-page';
import { screenshotDir } from './screenshots';
import { addCalendarWeeks, calendarDateAt, formatCalendarDate } from '../../shared/contract-rules';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

const roles = ['Lead', 'PM', 'Engineer', 'Sponsor'];
const decisions: [string, string][] = [
  ['Release go/no-go', 'ARCI'],
  ['Sprint scope', 'CARI'],
  ['Incident escalation', 'ARRI'],
  ['Hiring', 'AACI'],
  ['Budget changes', 'RCIA'],
  ['Tooling', 'ICAR'],
];

async function screenshots(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${screenshotDir}/${name}-${colorScheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('accountability contracts', () => {
  it('builds a contract by keyboard, reviews it, and compares the versions', async () => {
    app = await launchApp();
    const today = calendarDateAt(Date.now());
    const startDate = addCalendarWeeks(today, -7);
    const { page, contracts } = await contractWithNewLeader(app, amara, {
      title: 'Ops handoffs',
      team: 'Operations',
      startDate,
    });

    // Started seven weeks ago on a six-week cadence: the first review is a week overdue.
    await contracts.details().getByLabel('Status').selectOption({ label: 'Active' });
    await expect.poll(() => contracts.reviewBadge().textContent()).toBe('Review overdue by 7 days');

    await contracts.addCommitment(1, 'Weekly demo to stakeholders', 'Demo held every Friday, notes shared', 'Ines');
    await contracts.addCommitment(2, 'Retro actions tracked', 'Each action has an owner within a day', 'Sam');
    await contracts.addCommitment(3, 'Handoffs use the checklist', 'Checklist attached to every ticket', 'Noor');
    await contracts.addCommitment(4, 'Escalations within 2 hours', 'Escalation logged in the incident channel', '');
    await contracts.addRoles(roles);
    await contracts.addDecisions(decisions);
    await expect.poll(() => contracts.letterCells().count()).toBe(24);
    for (const [name, letters] of decisions) {
      await expect.poll(() => contracts.rowLetters(name, roles)).toBe(letters);
    }

    // Bad input is kept and warned about where it is: a commitment with no owner, a decision with two A's.
    const fourth = contracts.commitment(4);
    await fourth.getByText('No owner: name the one person who answers for this.').waitFor();
    await contracts.rowWarnings('Hiring').getByText('2 A’s (Lead, PM)').waitFor();
    await page.screenshot({ path: `${screenshotDir}/contract-warnings-light.png`, fullPage: true });
    await page.reload();
    await fourth.getByText('No owner').waitFor();
    await contracts.commitmentField(4, 'Owner').fill('Amara');
    await fourth.getByText('No owner').waitFor({ state: 'detached' });

    // The two A's are fixed from the keyboard without leaving the grid.
    await contracts.cell('Hiring', 'PM').focus();
    await page.keyboard.press('r');
    await contracts.rowWarnings('Hiring').waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Backspace');
    await expect.poll(() => contracts.rowLetters('Incident escalation', roles)).toBe('A.RI');
    await page.keyboard.press('r');

    // Reorder by keyboard: Alt+Down on a cell moves its decision, Alt+Up on a field moves its commitment.
    await contracts.cell('Release go/no-go', 'Lead').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => contracts.decisionNames())
      .toEqual(['Sprint scope', 'Release go/no-go', 'Incident escalation', 'Hiring', 'Budget changes', 'Tooling']);
    await contracts.waitForFocus(contracts.cell('Release go/no-go', 'Lead'));
    await contracts.commitmentField(3, 'Owner').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => contracts.commitmentField(2, 'Commitment').inputValue()).toBe('Handoffs use the checklist');
    await contracts.waitForFocus(contracts.commitmentField(2, 'Owner'));

    await page.getByText('Saved').first().waitFor();
    await screenshots(page, 'contract-editor');

    // The review: two statuses change, the notes are kept, and the next review moves on.
    await page.getByRole('button', { name: 'Start review' }).click();
    const panel = contracts.reviewPanel();
    await contracts.typeInto(panel.getByLabel('Review notes'), 'Demo slipped once; handoffs are now routine.');
    await contracts.commitmentField(1, 'Status').selectOption({ label: 'At risk' });
    await contracts.commitmentField(2, 'Status').selectOption({ label: 'Met' });
    await contracts.cell('Tooling', 'Lead').focus();
    await page.keyboard.press('c');
    const changes = panel.getByRole('list', { name: 'Changes to record' });
    await changes.getByText('Decision “Tooling”: Lead I → C').waitFor();
    await expect(changes.getByRole('listitem').allTextContents()).resolves.toEqual([
      `Next review: ${formatCalendarDate(addCalendarWeeks(startDate, 6))} → ${formatCalendarDate(addCalendarWeeks(today, 6))}`,
      'Commitment “Weekly demo to stakeholders” status: On track → At risk',
      'Commitment “Handoffs use the checklist” status: On track → Met',
      'Decision “Tooling”: Lead I → C',
    ]);
    await page.screenshot({ path: `${screenshotDir}/contract-review-light.png` });
    await panel.getByRole('button', { name: 'Complete review' }).click();

    await contracts.tab(/History \(1\)/).waitFor();
    await expect.poll(() => contracts.reviewBadge().textContent()).toBe('Next review in 6 weeks');
    await expect
      .poll(() => page.getByTestId('next-review').textContent())
      .toBe(`Next review ${formatCalendarDate(addCalendarWeeks(today, 6))}`);

    // History: the earlier version beside the current one, the two status changes marked.
    const review = page.getByRole('region', { name: 'Reviews' }).getByRole('listitem').first();
    await review.getByText('Demo slipped once; handoffs are now routine.').waitFor();
    const earlier = contracts.version('Earlier version');
    const current = contracts.version('Current version');
    await earlier.waitFor();
    const changedStatuses = (version: typeof current) =>
      version.locator('.version-commitments [data-diff="changed"] .badge').allTextContents();
    await expect(changedStatuses(earlier)).resolves.toEqual(['On track', 'On track']);
    await expect(changedStatuses(current)).resolves.toEqual(['At risk', 'Met']);
    await expect(current.locator('dd [data-diff="changed"]').allTextContents()).resolves.toEqual([
      `${formatCalendarDate(addCalendarWeeks(today, 6))} (changed)`,
    ]);
    await expect(current.locator('tbody [data-diff="changed"]').allTextContents()).resolves.toEqual(['C (changed)']);
    await screenshots(page, 'contract-history');

    // The reminder moved on the list too, and everything survives a reload.
    await contracts.shell.goTo('Contracts');
    await contracts.listRow('Ops handoffs').getByText('Next review in 6 weeks').waitFor();
    await page.screenshot({ path: `${screenshotDir}/contract-list-light.png` });
    await page.reload();
    await contracts.listRow('Ops handoffs').click();
    await expect.poll(() => contracts.letterCells().count()).toBe(24);
    await expect.poll(() => contracts.rowLetters('Hiring', roles)).toBe('ARCI');
    await expect.poll(() => contracts.commitmentField(4, 'Owner').inputValue()).toBe('Amara');
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });

  it("opens a contract from search by a commitment's word", async () => {
    app = await launchApp();
    const contract = { title: 'Ops handoffs', team: 'Operations', startDate: '2026-11-02' };
    const { page, contracts } = await contractWithNewLeader(app, amara, contract);
    await contracts.addCommitment(1, 'Blameless review after each incident', 'Written up within five days', 'Ines');
    const contractUrl = page.url();
    await contracts.shell.goTo('Today');

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('textbox').fill('blameless');
    const result = palette.getByRole('option', { name: /Ops handoffs/ });
    await result.waitFor();
    expect(await result.evaluate((option) => option.dataset.group)).toBe('Contracts');
    await page.screenshot({ path: `${screenshotDir}/search-contract-result.png` });
    await result.click();
    await page.getByRole('heading', { level: 1, name: 'Ops handoffs' }).waitFor();
    expect(page.url()).toBe(contractUrl);
    expect(app.consoleErrors, app.consoleErrors.join('\n')).toEqual([]);
  });
});
