// The sessions a batch export covers, each with its participant and live actions.
import type { CalendarDate } from '../../../shared/model';
import type { SessionBundle } from '../../documents/build-data';
import type { Repositories } from '../../db/repositories';

export type BatchScope = { participantId: string } | { from: CalendarDate; to: CalendarDate };

export async function loadSessionBundles(repositories: Repositories, scope: BatchScope): Promise<SessionBundle[]> {
  const sessions = await ('participantId' in scope
    ? repositories.sessions.ofParticipant(scope.participantId, 'oldest first')
    : repositories.sessions.between(scope.from, scope.to, 'oldest first'));
  const participants = await repositories.participants.byId();
  const actions = await repositories.actions.ofSessions(sessions.map((session) => session.id));
  return sessions.flatMap((session) => {
    const participant = participants.get(session.participantId);
    if (!participant) return [];
    return [{ session, participant, actions: actions.filter((action) => action.sessionId === session.id) }];
  });
}
