// A double-click is one gesture: every command that creates a record, double-clicked, creates
// exactly one. Each case counts the records before and after through IndexedDB itself.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchApp, closeAfterEach, type AppBrowser } from './browser';
import { AppShell } from './pages/app-shell';
import { readRecords, type RecordSnapshot } from './records';

let app: AppBrowser | undefined;
closeAfterEach(() => app);

type Counter = (records: RecordSnapshot) => number;
const live = (store: string) => (records: RecordSnapshot) =>
  Object.values(records[store] ?? {}).filter((record) => record.deletedAt === undefined).length;
const inFirstContract = (count: (contract: Record<string, unknown>) => number) => (records: RecordSnapshot) =>
  Object.values(records.contracts ?? {}).reduce((sum, contract) => sum + count(contract), 0);
const commitments = inFirstContract((contract) => (contract.commitments as unknown[]).length);
const decisions = inFirstContract((contract) => (contract.raci as { decisions: unknown[] }).decisions.length);
const roles = inFirstContract((contract) => (contract.raci as { roles: unknown[] }).roles.length);

/**
 * Double-clicks `target` and waits for the first record to land; a second create set off by the
 * same gesture was started before that one committed, so a reading taken after sees it too.
 */
async function doubleClickCreatesOne(page: Page, target: Locator, count: Counter, what: string) {
  const before = count(await readRecords(page));
  await target.dblclick();
  await expect.poll(async () => count(await readRecords(page)), { timeout: 10_000 }).toBeGreaterThan(before);
  expect(count(await readRecords(page)), what).toBe(before + 1);
}

describe('a double-click on a create command', () => {
  it('creates one record, for every create command in the app', async () => {
    app = await launchApp();
    const { page } = app;
    const shell = new AppShell(page);

    await shell.goTo('Participants');
    await page.getByRole('button', { name: 'New participant' }).click();
    const participantForm = page.getByRole('form', { name: 'New participant' });
    await participantForm.getByLabel('Name', { exact: true }).fill('Amara Okafor');
    await doubleClickCreatesOne(
      page,
      participantForm.getByRole('button', { name: 'Add participant' }),
      live('participants'),
      'Add participant',
    );
    await page.getByRole('article', { name: 'Amara Okafor' }).waitFor();

    await doubleClickCreatesOne(
      page,
      page.getByRole('form', { name: 'Plan a session' }).getByRole('button', { name: 'Plan a session' }),
      live('sessions'),
      'Plan a session on the participant page',
    );

    await doubleClickCreatesOne(
      page,
      page.getByRole('button', { name: /^New session/ }),
      live('sessions'),
      'New session on the participant page',
    );
    await page.getByRole('textbox', { name: 'Goal', exact: true }).waitFor();

    const log = page.getByRole('region', { name: 'Action log' });
    await log.getByLabel('New action', { exact: true }).fill('Publish the triage RACI');
    await doubleClickCreatesOne(page, log.getByRole('button', { name: 'Add' }), live('actions'), 'Add action');

    await shell.goTo('Sessions');
    await page.getByRole('button', { name: /^New session/ }).click();
    await doubleClickCreatesOne(
      page,
      page.getByRole('region', { name: 'New session' }).getByRole('button', { name: /Amara Okafor/ }),
      live('sessions'),
      'New session from the sessions page',
    );
    await page.getByRole('textbox', { name: 'Goal', exact: true }).waitFor();

    // The new session goes over the action logged in the first: one review per decision.
    const since = page.getByRole('region', { name: 'Since last time' });
    await doubleClickCreatesOne(page, since.getByRole('button', { name: 'Done' }), live('actionReviews'), 'Done');
    await log.getByLabel('New action', { exact: true }).fill('Shadow a night-shift handoff');
    await log.getByRole('button', { name: 'Add' }).click();
    await shell.goTo('Sessions');
    await page.getByRole('button', { name: /^New session/ }).click();
    await page
      .getByRole('region', { name: 'New session' })
      .getByRole('button', { name: /Amara Okafor/ })
      .click();
    await since.getByRole('button', { name: 'Carry forward…' }).click();
    await doubleClickCreatesOne(
      page,
      since.getByRole('button', { name: 'Carry forward', exact: true }),
      live('actionReviews'),
      'Carry forward',
    );

    await shell.goTo('Contracts');
    await page.getByRole('button', { name: 'New contract' }).click();
    const contractForm = page.getByRole('form', { name: 'New contract' });
    await contractForm.getByLabel('Leader').selectOption({ label: 'Amara Okafor' });
    await contractForm.getByLabel('Title').fill('Ops handoffs');
    await doubleClickCreatesOne(
      page,
      contractForm.getByRole('button', { name: 'Create contract' }),
      live('contracts'),
      'Create contract',
    );
    await page.getByRole('heading', { level: 1, name: 'Ops handoffs' }).waitFor();

    for (const [name, counter] of [
      ['+ Add commitment', commitments],
      ['+ Add decision', decisions],
      ['+ Add role', roles],
    ] as const) {
      await doubleClickCreatesOne(page, page.getByRole('button', { name }), counter, name);
    }
    await doubleClickCreatesOne(
      page,
      page.getByRole('button', { name: 'Start review' }),
      live('contractReviews'),
      'Start review',
    );
  });
});
