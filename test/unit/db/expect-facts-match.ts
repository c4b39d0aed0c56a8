// The check that the metric fact groups hold exactly the grouped projection of their sources.
import { expect } from 'vitest';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { groupFacts } from '../../../renderer/db/metric-facts';
import { toMetricAction, toMetricSession } from '../../../shared/metrics/metric-records';

const byParticipant = <T extends { participantId: string }>(groups: T[]) =>
  [...groups].sort((a, b) => (a.participantId < b.participantId ? -1 : 1));

/** Both group tables, group for group and field for field, against the grouped projection of their sources. */
export async function expectFactsMatch(db: FollowthroughDatabase) {
  const [actions, sessions, actionGroups, sessionGroups] = await db.transaction(
    'r',
    [db.actions, db.sessions, db.actionFactGroups, db.sessionFactGroups],
    () =>
      Promise.all([
        db.actions.toArray(),
        db.sessions.toArray(),
        db.actionFactGroups.toArray(),
        db.sessionFactGroups.toArray(),
      ]),
  );
  expect(actionGroups).toStrictEqual(byParticipant(groupFacts(actions.map(toMetricAction))));
  expect(sessionGroups).toStrictEqual(byParticipant(groupFacts(sessions.map(toMetricSession))));
}
