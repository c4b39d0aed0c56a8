// Page object for accountability contracts: the list, the new-contract form, the editor with its
// commitments and RACI grid, the review panel and the history view.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AppBrowser } from '../browser';
import { AppShell, type Participant } from './app-shell';

type NewContract = { leader: string; title: string; team: string; startDate: string };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ContractsPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  /** Resolves once `locator` holds the keyboard focus. */
  async waitForFocus(locator: Locator) {
    const handle = await locator.elementHandle();
    await this.page.waitForFunction((element) => element === document.activeElement, handle);
  }

  async typeInto(locator: Locator, text: string) {
    await this.waitForFocus(locator);
    await this.page.keyboard.type(text);
  }

  async create(options: NewContract) {
    await this.shell.goTo('Contracts');
    await this.page.getByRole('button', { name: 'New contract' }).press('Enter');
    const form = this.page.getByRole('form', { name: 'New contract' });
    await form.getByLabel('Leader').selectOption({ label: options.leader });
    await form.getByLabel('Title').fill(options.title);
    await form.getByLabel('Team').fill(options.team);
    // A cleared start date is refused next to the field, once, with the focus taken there, and the
    // form keeps what was typed.
    const startDate = form.getByLabel('Start date');
    await startDate.fill('');
    await form.getByRole('button', { name: 'Create contract' }).press('Enter');
    await form.getByText('Type a date, e.g. fri or 2026-12-04', { exact: true }).waitFor();
    await expect.poll(() => startDate.evaluate((field) => field === document.activeElement)).toBe(true);
    expect(await form.getByRole('alert').count()).toBe(0);
    await startDate.fill(options.startDate);
    await form.getByRole('button', { name: 'Create contract' }).press('Enter');
    await this.page.getByRole('heading', { level: 1, name: options.title }).waitFor();
  }

  listRow(title: string) {
    return this.page
      .getByRole('region', { name: 'Contract list' })
      .getByRole('row', { name: new RegExp(escape(title)) });
  }

  details() {
    return this.page.getByRole('region', { name: 'Contract details' });
  }

  header() {
    return this.page.locator('.page-header');
  }

  reviewBadge() {
    return this.header().locator('[data-review-state]');
  }

  commitment(position: number) {
    return this.page.getByRole('listitem', { name: `Commitment ${position}` });
  }

  commitmentField(position: number, label: 'Commitment' | 'Owner' | 'Acceptance criteria' | 'Status') {
    return this.commitment(position).getByLabel(label, { exact: true });
  }

  /** Adds a commitment from the keyboard: Enter on the add button, then the fields in tab order. */
  async addCommitment(position: number, text: string, criteria: string, owner: string) {
    await this.page.getByRole('button', { name: '+ Add commitment' }).press('Enter');
    await this.typeInto(this.commitmentField(position, 'Commitment'), text);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(criteria);
    await this.page.keyboard.press('Tab');
    if (owner) await this.page.keyboard.type(owner);
    await this.page.keyboard.press('Tab');
  }

  raci() {
    return this.page.getByRole('grid', { name: 'RACI' });
  }

  /** The letter cells of the grid (the row tools and warnings are cells too, but not letters). */
  letterCells() {
    return this.raci().locator('[data-cell]');
  }

  roleInput(position: number) {
    return this.raci().getByLabel(`Role ${position}`, { exact: true });
  }

  decisionInput(position: number) {
    return this.raci().getByLabel(`Decision ${position}`, { exact: true });
  }

  cell(decision: string, role: string) {
    return this.raci().getByRole('gridcell', { name: new RegExp(`^${escape(decision)}, ${escape(role)}:`) });
  }

  /** Types each role, Enter adding the next column. */
  async addRoles(roles: string[]) {
    await this.page.getByRole('button', { name: '+ Add role' }).press('Enter');
    for (const [index, role] of roles.entries()) {
      await this.typeInto(this.roleInput(index + 1), role);
      if (index < roles.length - 1) await this.page.keyboard.press('Enter');
    }
  }

  /**
   * Types each decision and its row of letters ('.' leaves a cell empty): Enter on the name goes to
   * the row's first cell, arrows move along it, and Enter on the last row adds the next decision.
   */
  async addDecisions(rows: [name: string, letters: string][]) {
    await this.page.getByRole('button', { name: '+ Add decision' }).press('Enter');
    for (const [index, [name, letters]] of rows.entries()) {
      await this.typeInto(this.decisionInput(index + 1), name);
      await this.page.keyboard.press('Enter');
      await this.page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'gridcell');
      for (const [column, letter] of [...letters].entries()) {
        if (column > 0) await this.page.keyboard.press('ArrowRight');
        await this.page.keyboard.press(letter === '.' ? 'Delete' : letter.toLowerCase());
      }
      if (index < rows.length - 1) await this.page.keyboard.press('Enter');
    }
  }

  async rowLetters(decision: string, roles: string[]) {
    const letters = [];
    for (const role of roles) letters.push((await this.cell(decision, role).textContent())?.trim() || '.');
    return letters.join('');
  }

  async decisionNames() {
    const inputs = await this.raci().locator('tbody th textarea').all();
    return Promise.all(inputs.map((input) => input.inputValue()));
  }

  rowWarnings(decision: string) {
    return this.raci()
      .getByRole('row', { name: new RegExp(escape(decision)) })
      .getByRole('note');
  }

  reviewPanel() {
    return this.page.getByRole('region', { name: 'Review in progress' });
  }

  tab(name: RegExp) {
    return this.page.getByRole('tab', { name });
  }

  version(which: 'Earlier version' | 'Current version') {
    return this.page.getByRole('article', { name: which });
  }
}

/** Where the contract tests begin: in the launched app, adds the leader as a participant and creates their contract. */
export async function contractWithNewLeader(
  app: AppBrowser,
  leader: Participant,
  contract: Omit<NewContract, 'leader'>,
) {
  const contracts = new ContractsPage(app.page);
  await contracts.shell.addParticipant(leader.name, leader.role);
  await contracts.create({ ...contract, leader: leader.name });
  return { page: app.page, contracts };
}
