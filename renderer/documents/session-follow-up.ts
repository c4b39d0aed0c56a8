// What a session's documents say about the follow-up around it: the earlier actions it went over
// (with what was decided) or that are still waiting from before it, and the next planned session.
// Pure, so the single export, the batch export and the participant's data export agree.
import { bySessionStart, isLive, type Action, type ActionReview, type Session } from '../../shared/model';

export type EarlierAction = { action: Action; review: ActionReview | null };

export type SessionFollowUp = {
  /** Oldest due first. A complete session lists only what it went over. */
  earlier: EarlierAction[];
  nextSession: Pick<Session, 'date' | 'startTime'> | null;
};

export const noFollowUp: SessionFollowUp = { earlier: [], nextSession: null };

/** The participant's records the follow-up is read from. */
export type ParticipantHistory = { sessions: Session[]; actions: Action[]; reviews: ActionReview[] };

const byDueDate = (a: EarlierAction, b: EarlierAction) =>
  (a.action.dueDate ?? '9999-12-31').localeCompare(b.action.dueDate ?? '9999-12-31') ||
  a.action.createdAt - b.action.createdAt;

export function sessionFollowUp(session: Session, history: ParticipantHistory): SessionFollowUp {
  const sessionsById = new Map(history.sessions.map((other) => [other.id, other]));
  const latestReviewHere = new Map(
    history.reviews
      .filter((review) => review.sessionId === session.id)
      .sort((a, b) => a.at - b.at)
      .map((review) => [review.actionId, review]),
  );
  const fromBefore = (action: Action) => {
    const origin = action.sessionId === null ? undefined : sessionsById.get(action.sessionId);
    return origin ? bySessionStart(origin, session) < 0 : action.createdAt < (session.completedAt ?? Infinity);
  };
  const stillWaiting = (action: Action) =>
    session.status !== 'complete' && (action.status === 'open' || action.status === 'blocked') && fromBefore(action);

  const earlier = history.actions
    .filter((action) => isLive(action) && action.sessionId !== session.id)
    .filter((action) => latestReviewHere.has(action.id) || stillWaiting(action))
    .map((action) => ({ action, review: latestReviewHere.get(action.id) ?? null }))
    .sort(byDueDate);

  const nextSession =
    history.sessions
      .filter((other) => isLive(other) && other.status === 'planned' && bySessionStart(other, session) > 0)
      .sort(bySessionStart)[0] ?? null;

  return { earlier, nextSession };
}

/** Earlier actions the session marked done or verified. */
export const completedSinceLastTime = ({ earlier }: SessionFollowUp): Action[] =>
  earlier
    .filter(({ review }) => review?.outcome === 'done' || review?.outcome === 'verified')
    .map(({ action }) => action);
