// The follow-up rate: of the actions a participant still had open when a session began, the share
// that session went over ("Since last time"). The program guide opens every session on the last
// one's commitments; this says how often that really happens.
import { isInTrash, type Action, type ActionReview, type ActionStatus } from '../model';

type HeldSession = { id: string; participantId: string; startsAt: number };
type ReviewableAction = Pick<Action, 'id' | 'participantId' | 'sessionId' | 'createdAt' | 'history' | 'deletedAt'>;

export type FollowUpRate = { due: number; reviewed: number; rate: number | null };

/** The action's status at `at`: the last change made by then, or null if it did not exist yet. */
function statusAt(action: ReviewableAction, at: number): ActionStatus | null {
  let status: ActionStatus | null = null;
  for (const change of action.history) {
    if (change.at > at) break;
    status = change.status;
  }
  return status;
}

export function followUpRate(
  sessions: readonly HeldSession[],
  actions: readonly ReviewableAction[],
  reviews: readonly Pick<ActionReview, 'actionId' | 'sessionId'>[],
): FollowUpRate {
  const reviewedIn = new Set(reviews.map((review) => `${review.sessionId}:${review.actionId}`));
  const actionsOf = new Map<string, ReviewableAction[]>();
  for (const action of actions) {
    if (isInTrash(action)) continue;
    const list = actionsOf.get(action.participantId) ?? [];
    list.push(action);
    actionsOf.set(action.participantId, list);
  }
  let due = 0;
  let reviewed = 0;
  for (const session of sessions) {
    for (const action of actionsOf.get(session.participantId) ?? []) {
      if (action.sessionId === session.id) continue;
      const status = statusAt(action, session.startsAt);
      if (status !== 'open' && status !== 'blocked') continue;
      due += 1;
      if (reviewedIn.has(`${session.id}:${action.id}`)) reviewed += 1;
    }
  }
  return { due, reviewed, rate: due === 0 ? null : reviewed / due };
}
