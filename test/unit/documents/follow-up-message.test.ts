// The leader's follow-up: what it holds, what it never holds, and when there is none.
import { describe, expect, it } from 'vitest';
import { followUpMessage } from '../../../renderer/documents/follow-up-message';
import type { Action } from '../../../shared/model';
import { participant, session, uuid } from './fixtures';

const action = (text: string, patch: Partial<Action> = {}): Action => ({
  id: uuid(),
  participantId: participant.id,
  sessionId: session.id,
  text,
  owner: 'Amara',
  dueDate: '2026-12-11',
  verification: '',
  status: 'open',
  blockedReason: '',
  isExperiment: false,
  history: [{ status: 'open', at: 1, source: 'coach' }],
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

const privateSession = {
  ...session,
  date: '2026-12-07' as const,
  goal: 'PRIVATE-GOAL',
  reality: 'PRIVATE-REALITY',
  options: 'PRIVATE-OPTIONS',
  notes: 'PRIVATE-NOTES',
  will: 'Run the review on Monday <with the leads> & the sponsor',
};

describe('the follow-up for the leader', () => {
  it('holds Will, the agreed actions, what was completed since last time and the next session, in both forms', () => {
    const message = followUpMessage({
      session: privateSession,
      participant,
      actions: [action('Publish the triage RACI'), action('Dropped idea', { status: 'dropped' })],
      completedSinceLastTime: [action('Name an owner for each escalation', { status: 'done' })],
      nextSession: { date: '2026-12-14', startTime: '10:30' },
    });
    expect(message?.plain).toBe(
      [
        'Hi Amara, thank you for our session on Mon 7 Dec. Here is what we agreed.',
        'What you will do:\n- Run the review on Monday <with the leads> & the sponsor',
        'Actions we agreed:\n- Publish the triage RACI (Amara, due Fri 11 Dec)',
        'Completed since last time:\n- Name an owner for each escalation',
        'Next session:\n- Mon 14 Dec at 10:30',
      ].join('\n\n'),
    );
    expect(message?.html).toContain('<li>Run the review on Monday &#60;with the leads&#62; &#38; the sponsor</li>');
    expect(message?.html).toContain('<strong>Completed since last time</strong>');
    for (const text of [message?.plain, message?.html]) expect(text).not.toMatch(/PRIVATE|Dropped idea/);
  });

  it('is not offered when the participant’s consent shares no actions', () => {
    const none = { ...participant, consent: { ...participant.consent, shareActions: 'none' as const } };
    expect(
      followUpMessage({
        session,
        participant: none,
        actions: [action('x')],
        completedSinceLastTime: [],
        nextSession: null,
      }),
    ).toBeNull();
  });
});
