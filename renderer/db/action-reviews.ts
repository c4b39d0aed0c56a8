// "Since last time": the earlier actions of a participant gone over in a session. Each decision
// moves the action (its status history keeps the time) and leaves a review naming the session,
// in one transaction, so the follow-up rate can count what was reviewed where.
import {
  actionReviewSchema,
  actionSchema,
  isLive,
  type Action,
  type ActionReview,
  type ActionStatus,
  type CalendarDate,
  type ReviewOutcome,
} from '../../shared/model';
import { applyStatusMove } from '../../shared/action-status';
import type { FollowthroughDatabase } from './database';
import { enqueueChange, outboxTables } from './outbox';
import { validated, type Clock } from './write';

export type ReviewDecision =
  | { outcome: 'still-open' | 'done' | 'verified' }
  | { outcome: 'blocked' | 'dropped'; reason: string }
  | { outcome: 'carried-forward'; dueDate: CalendarDate };

const statusAfter: Partial<Record<ReviewOutcome, ActionStatus>> = {
  done: 'done',
  verified: 'verified',
  blocked: 'blocked',
  dropped: 'dropped',
};

/** Due first, oldest due first; undated last, oldest first. */
const byDueDate = (a: Action, b: Action) =>
  (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.createdAt - b.createdAt;

export type SinceLastTimeItem = { action: Action; review: ActionReview | null };

export function actionReviewsRepository(db: FollowthroughDatabase, now: Clock) {
  const tables = [db.actions, db.actionReviews, ...outboxTables(db)];

  return {
    /** Records what was decided about an earlier action in `sessionId`, and moves the action. */
    async review(actionId: string, sessionId: string, decision: ReviewDecision): Promise<ActionReview> {
      const reason = 'reason' in decision ? decision.reason.trim() : '';
      if ((decision.outcome === 'blocked' || decision.outcome === 'dropped') && !reason) {
        throw new Error(`Say why it is ${decision.outcome} (a few words are enough).`);
      }
      return db.transaction('rw', tables, async () => {
        const current = await db.actions.get(actionId);
        if (!current || !isLive(current)) throw new Error('That action no longer exists');
        const at = now();
        const status = statusAfter[decision.outcome];
        let next = current;
        if (status && status !== current.status) {
          next = applyStatusMove(current, { status, reason: reason || undefined, at, source: 'coach' });
        }
        if (decision.outcome === 'carried-forward') next = { ...next, dueDate: decision.dueDate };
        if (next !== current) {
          next = validated(actionSchema, { ...next, updatedAt: at });
          await db.actions.put(next);
          await enqueueChange(db, 'action', next, next.participantId);
        }
        const review = validated(actionReviewSchema, {
          id: crypto.randomUUID(),
          actionId,
          participantId: current.participantId,
          sessionId,
          at,
          outcome: decision.outcome,
          reason,
          dueDate: decision.outcome === 'carried-forward' ? decision.dueDate : null,
        });
        await db.actionReviews.add(review);
        return review;
      });
    },

    /**
     * What a session goes over: the participant's actions from other sessions (or none) that are
     * still open or blocked, and those already reviewed in this session with their latest review.
     */
    async sinceLastTime(participantId: string, sessionId: string): Promise<SinceLastTimeItem[]> {
      const [actions, reviews] = await Promise.all([
        db.actions.where('participantId').equals(participantId).filter(isLive).toArray(),
        db.actionReviews.where('sessionId').equals(sessionId).sortBy('at'),
      ]);
      const latestReview = new Map(reviews.map((review) => [review.actionId, review]));
      return actions
        .filter(
          (action) =>
            action.sessionId !== sessionId &&
            (latestReview.has(action.id) || action.status === 'open' || action.status === 'blocked'),
        )
        .sort(byDueDate)
        .map((action) => ({ action, review: latestReview.get(action.id) ?? null }));
    },

    ofSession: (sessionId: string) => db.actionReviews.where('sessionId').equals(sessionId).toArray(),

    ofParticipant: (participantId: string) => db.actionReviews.where('participantId').equals(participantId).toArray(),
  };
}
