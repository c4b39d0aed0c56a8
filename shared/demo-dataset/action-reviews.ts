// "Since last time" as a coach really keeps it: most sessions go over most of the actions still
// open from before, and record what was decided (the action's status at the end of that session).
import { isLive, type Action, type ActionReview, type ActionStatus, type Session } from '../model';
import { timestampAt } from './calendar';
import type { Random } from './random';

/** The share of the earlier open actions a session goes over. */
const REVIEWED_SHARE = 0.8;

function statusAt(action: Action, at: number): ActionStatus | null {
  let status: ActionStatus | null = null;
  for (const change of action.history) {
    if (change.at > at) break;
    status = change.status;
  }
  return status;
}

function reviewOf(action: Action, session: Session, startsAt: number, id: string): ActionReview {
  const at = startsAt + session.durationMinutes * 60_000;
  const after = statusAt(action, at);
  const reason = action.history.findLast((change) => change.at <= at)?.reason ?? '';
  const outcome = after === 'open' || after === null ? 'still-open' : after;
  return {
    id,
    actionId: action.id,
    participantId: action.participantId,
    sessionId: session.id,
    at,
    outcome,
    reason: outcome === 'blocked' || outcome === 'dropped' ? reason || 'Waiting on someone else' : '',
    dueDate: null,
  };
}

export function generateActionReviews(random: Random, sessions: Session[], actions: Action[], now: number) {
  const actionsOf = new Map<string, Action[]>();
  for (const action of actions.filter(isLive)) {
    actionsOf.set(action.participantId, [...(actionsOf.get(action.participantId) ?? []), action]);
  }
  const reviews: ActionReview[] = [];
  for (const session of sessions) {
    if (!isLive(session) || session.status !== 'complete') continue;
    const startsAt = timestampAt(session.date, session.startTime);
    if (startsAt > now) continue;
    for (const action of actionsOf.get(session.participantId) ?? []) {
      if (action.sessionId === session.id) continue;
      const before = statusAt(action, startsAt);
      if ((before !== 'open' && before !== 'blocked') || !random.chance(REVIEWED_SHARE)) continue;
      reviews.push(reviewOf(action, session, startsAt, random.uuid()));
    }
  }
  return reviews;
}
