// The follow-up rate: of the actions a participant still had open when a session began, the share
// that session went over ("Since last time"). The program guide opens every session on the last
// one's commitments; this says how often that really happens. An action counts as open from when
// it was logged until it was first done, verified or dropped.
import { isInTrash } from '../model';
import type { MetricAction, MetricReview } from './metric-records';
import { ratio } from './ratio';

export type HeldSession = { id: string; participantId: string; startsAt: number };
type FollowedAction = Pick<
  MetricAction,
  'id' | 'participantId' | 'sessionId' | 'createdAt' | 'completedAt' | 'droppedAt' | 'deletedAt'
>;

/** One session's share: the earlier actions open when it began, and how many of them it went over. */
export type FollowUpCounts = { due: number; reviewed: number };
export type FollowUpRate = FollowUpCounts & { rate: number | null };

const closedBy = (at: number | null, moment: number) => at !== null && at <= moment;

const openAt = (action: FollowedAction, moment: number) =>
  action.createdAt <= moment && !closedBy(action.completedAt, moment) && !closedBy(action.droppedAt, moment);

/** Each session's follow-up counts, by session id. */
export function followUpBySession(
  sessions: readonly HeldSession[],
  actions: readonly FollowedAction[],
  reviews: readonly Pick<MetricReview, 'actionId' | 'sessionId'>[],
): Map<string, FollowUpCounts> {
  const reviewedIn = new Set(reviews.map((review) => `${review.sessionId}:${review.actionId}`));
  const actionsOf = new Map<string, FollowedAction[]>();
  for (const action of actions) {
    if (isInTrash(action)) continue;
    const list = actionsOf.get(action.participantId);
    if (list) list.push(action);
    else actionsOf.set(action.participantId, [action]);
  }
  const counts = new Map<string, FollowUpCounts>();
  for (const session of sessions) {
    let due = 0;
    let reviewed = 0;
    for (const action of actionsOf.get(session.participantId) ?? []) {
      if (action.sessionId === session.id || !openAt(action, session.startsAt)) continue;
      due += 1;
      if (reviewedIn.has(`${session.id}:${action.id}`)) reviewed += 1;
    }
    counts.set(session.id, { due, reviewed });
  }
  return counts;
}

/** The rate over some sessions' counts: null when nothing was open at any of them. */
export function followUpRate(counts: Iterable<FollowUpCounts>): FollowUpRate {
  let due = 0;
  let reviewed = 0;
  for (const session of counts) {
    due += session.due;
    reviewed += session.reviewed;
  }
  return { due, reviewed, rate: ratio(reviewed, due) };
}
