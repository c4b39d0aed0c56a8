import { describe, expect, it } from 'vitest';
import type { Action, ActionReview, Session } from '../../../shared/model';
import { completedSinceLastTime, sessionFollowUp } from '../../../renderer/documents/session-follow-up';
import { actions as thisSessionsActions, participant, session, uuid } from './fixtures';

const earlierSession: Session = { ...session, id: uuid(), date: '2026-10-19' };
const laterSession: Session = { ...session, id: uuid(), date: '2026-11-09', status: 'draft', completedAt: null };
const planned = (date: string, startTime: string): Session => ({
  ...session,
  id: uuid(),
  date,
  startTime,
  status: 'planned',
  completedAt: null,
});

const from = (origin: Session, text: string, dueDate: string | null, status: Action['status'] = 'open'): Action => ({
  ...thisSessionsActions[0],
  id: uuid(),
  sessionId: origin.id,
  text,
  dueDate,
  status,
});

const reviewed = (action: Action, outcome: ActionReview['outcome'], at: number, inSession = session): ActionReview => ({
  id: uuid(),
  actionId: action.id,
  participantId: participant.id,
  sessionId: inSession.id,
  at,
  outcome,
  reason: '',
  dueDate: null,
});

const done = from(earlierSession, 'Done last week', '2026-10-30', 'done');
const stillOpen = from(earlierSession, 'Not yet gone over', '2026-10-26');
const undated = from(earlierSession, 'No due date', null, 'blocked');
const fromLater = from(laterSession, 'Agreed the week after', '2026-11-20');

describe('what a session’s documents say about the follow-up around it', () => {
  const history = {
    sessions: [earlierSession, session, laterSession, planned('2026-11-23', '10:00'), planned('2026-11-16', '09:30')],
    actions: [...thisSessionsActions, done, stillOpen, undated, fromLater],
    // Reviewed twice in this session: the later decision counts.
    reviews: [reviewed(done, 'still-open', 1), reviewed(done, 'done', 2), reviewed(fromLater, 'done', 3, laterSession)],
  };

  it('a complete session lists only the earlier actions it went over, with the last decision', () => {
    const followUp = sessionFollowUp(session, history);
    expect(followUp.earlier.map(({ action, review }) => [action.text, review?.outcome])).toEqual([
      ['Done last week', 'done'],
    ]);
    expect(completedSinceLastTime(followUp).map((action) => action.text)).toEqual(['Done last week']);
  });

  it('a session still in progress also lists what waits from before it, oldest due first, never later actions', () => {
    const followUp = sessionFollowUp({ ...session, status: 'draft', completedAt: null }, history);
    expect(followUp.earlier.map(({ action, review }) => [action.text, review?.outcome ?? null])).toEqual([
      ['Not yet gone over', null],
      ['Done last week', 'done'],
      ['No due date', null],
    ]);
  });

  it('names the first planned session after it as the next one', () => {
    expect(sessionFollowUp(session, history).nextSession).toMatchObject({ date: '2026-11-16', startTime: '09:30' });
    expect(sessionFollowUp(session, { ...history, sessions: [session] }).nextSession).toBeNull();
  });

  it('leaves out actions and planned sessions in the trash', () => {
    const trashed = {
      ...history,
      actions: [{ ...done, deletedAt: 5 }],
      sessions: [{ ...planned('2026-11-16', '09:30'), deletedAt: 5 }],
    };
    expect(sessionFollowUp(session, trashed)).toEqual({ earlier: [], nextSession: null });
  });
});
