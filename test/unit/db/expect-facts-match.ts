// The check that the metric fact groups hold exactly the grouped projection of their sources.
import { expect } from 'vitest';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { groupFacts } from '../../../renderer/db/metric-facts';
import { toMetricAction, toMetricReview, toMetricSession } from '../../../shared/metrics/metric-records';

const byParticipant = <T extends { participantId: string }>(groups: T[]) =>
  [...groups].sort((a, b) => (a.participantId < b.participantId ? -1 : 1));

/** Every group table, group for group and field for field, against the grouped projection of their sources. */
export async function expectFactsMatch(db: FollowthroughDatabase) {
  const [actions, sessions, reviews, actionGroups, sessionGroups, reviewGroups] = await db.transaction(
    'r',
    [db.actions, db.sessions, db.actionReviews, db.actionFactGroups, db.sessionFactGroups, db.reviewFactGroups],
    () =>
      Promise.all([
        db.actions.toArray(),
        db.sessions.toArray(),
        db.actionReviews.toArray(),
        db.actionFactGroups.toArray(),
        db.sessionFactGroups.toArray(),
        db.reviewFactGroups.toArray(),
      ]),
  );
  expect(actionGroups).toStrictEqual(byParticipant(groupFacts(actions.map(toMetricAction))));
  expect(sessionGroups).toStrictEqual(byParticipant(groupFacts(sessions.map(toMetricSession))));
  expect(reviewGroups).toStrictEqual(byParticipant(groupFacts(reviews.map(toMetricReview))));
}
