// Reads what a session's documents need about the follow-up around it: the participant's
// sessions, actions and reviews, once per participant however many sessions are exported.
import { actionStatuses } from '../../../shared/model';
import type { Repositories } from '../../db/repositories';
import type { SessionBundle } from '../../documents/build-data';
import { sessionFollowUp, type ParticipantHistory } from '../../documents/session-follow-up';

export async function loadParticipantHistory(
  repositories: Repositories,
  participantId: string,
): Promise<ParticipantHistory> {
  const [sessions, actions, reviews] = await Promise.all([
    repositories.sessions.ofParticipant(participantId, 'oldest first'),
    repositories.actions.list({ statuses: [...actionStatuses], participantId }),
    repositories.actionReviews.ofParticipant(participantId),
  ]);
  return { sessions, actions, reviews };
}

/** One session's documents' input, read at the moment of export so it has the latest reviews. */
export async function loadSessionBundle(
  repositories: Repositories,
  { session, participant, actions }: Omit<SessionBundle, 'followUp'>,
): Promise<SessionBundle> {
  const history = await loadParticipantHistory(repositories, session.participantId);
  return { session, participant, actions, followUp: sessionFollowUp(session, history) };
}
