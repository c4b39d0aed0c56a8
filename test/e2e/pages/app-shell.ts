// Page object for the shell: sidebar navigation and the participant screens.
import type { Page } from 'playwright-core';
import type { AppBrowser } from '../browser';
import { SessionPage, type Grow, type NewAction } from './session-page';

/** How a participant's action items go upstream, as the New participant form asks. */
export type Sharing = 'With their name' | 'Under a pseudonym' | 'Not at all';
export type Participant = { name: string; role: string; sharing?: Sharing };

/** The participant most tests coach. */
export const amara: Participant = { name: 'Amara Okafor', role: 'Head of Operations' };

/** A GROW as a coach types it for Amara; tests that check the words read them from here. */
export const amaraGrow: Grow = {
  goal: 'Leave with one ritual for commitment reviews',
  reality: 'Standups drift into status updates; escalations bypass the triage RACI',
  options: 'Weekly commitment review; publish the RACI; coach the two leads',
  will: 'Run the first commitment review on Monday',
};

/** The three actions Amara leaves a session with, due as a coach types dates. */
export const amaraActions: NewAction[] = [
  {
    text: 'Run the commitment review in Monday standup',
    owner: 'Amara',
    due: '2026-12-07',
    verification: 'Agenda shows the item',
  },
  { text: 'Publish the triage RACI', owner: 'Dana', due: 'fri', verification: 'Link in team channel' },
  { text: 'Coach the two leads on escalation', owner: 'Amara', due: 'next week', verification: 'Two 1:1 notes' },
];

export class AppShell {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async goTo(section: string) {
    await this.nav().getByRole('link', { name: section, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: section }).waitFor();
  }

  /** Adds a participant; their actions go upstream only when `sharing` says so. */
  async addParticipant(name: string, role: string, sharing?: Sharing) {
    await this.goTo('Participants');
    await this.page.getByRole('button', { name: 'New participant' }).click();
    const form = this.page.getByRole('form', { name: 'New participant' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Role').fill(role);
    // Asked every time, and nothing is shared until the coach chooses.
    const notShared = form.getByRole('radiogroup', { name: 'Action items shared upstream' });
    if (!(await notShared.getByRole('radio', { name: 'Not at all' }).isChecked())) {
      throw new Error('A new participant’s actions must not be shared until the coach chooses');
    }
    if (sharing) await notShared.locator('label', { hasText: sharing }).click();
    await form.getByRole('button', { name: 'Add participant' }).click();
    await this.page.getByRole('article', { name }).waitFor();
  }

  /** Starts a session for the participant on screen with Alt+N, as a coach would, once its editor is up. */
  async startSession(): Promise<SessionPage> {
    await this.page.keyboard.press('Alt+n');
    const session = new SessionPage(this.page);
    await session.field('Goal').waitFor();
    return session;
  }

  /** Opens the participant's page from the list and starts a session there. */
  async startSessionFor(participant: string): Promise<SessionPage> {
    await this.goTo('Participants');
    await this.participantLink(participant).click();
    return this.startSession();
  }

  /** Opens the first completed session in the Sessions list and waits for its editor. */
  async openCompletedSession(): Promise<SessionPage> {
    await this.goTo('Sessions');
    await this.page
      .getByRole('region', { name: 'Session list' })
      .getByRole('row', { name: /Complete/ })
      .first()
      .getByRole('link')
      .click();
    const session = new SessionPage(this.page);
    await session.field('Reality').waitFor();
    return session;
  }

  participantLink(name: string) {
    return this.page.getByRole('region', { name: 'Participant list' }).getByRole('link', { name: new RegExp(name) });
  }
}

/**
 * Where most session tests begin: in the launched app, adds the participant and starts a session
 * on their page, typing the GROW when one is given.
 */
export async function startSessionWith(app: AppBrowser, participant: Participant, grow?: Grow) {
  const { page } = app;
  const shell = new AppShell(page);
  await shell.addParticipant(participant.name, participant.role, participant.sharing);
  const session = await shell.startSession();
  if (grow) await session.typeGrow(grow);
  return { page, shell, session };
}
