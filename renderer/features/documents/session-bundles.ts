// The sessions a batch export covers, each with its participant and live actions.
import type { CalendarDate } from '../../../shared/model';
import type { SessionBundle } from '../../documents/build-data';
import type { FollowthroughDatabase } from '../../db/database';

export type BatchScope = { participantId: string } | { from: CalendarDate; to: CalendarDate };

export async function loadSessionBundles(db: FollowthroughDatabase, scope: BatchScope): Promise<SessionBundle[]> {
  const sessions = await (
    'participantId' in scope
      ? db.sessions.where('participantId').equals(scope.participantId)
      : db.sessions.where('date').between(scope.from, scope.to, true, true)
  )
    .filter((session) => session.deletedAt === undefined)
    .sortBy('date');
  const participants = new Map((await db.participants.toArray()).map((participant) => [participant.id, participant]));
  const actions = await db.actions
    .where('sessionId')
    .anyOf(sessions.map((session) => session.id))
    .filter((action) => action.deletedAt === undefined)
    .toArray();
  return sessions.flatMap((session) => {
    const participant = participants.get(session.participantId);
    if (!participant) return [];
    return [{ session, participant, actions: actions.filter((action) => action.sessionId === session.id) }];
  });
}
