// Reads what a session's documents need about the follow-up around it: the participant's
// sessions, actions and reviews, once per participant however many sessions are exported.
import { actionStatuses, type Session } from '../../../shared/model';
import type { Repositories } from '../../db/repositories';
import type { SessionBundle } from '../../documents/build-data';
import { sessionFollowUp, type ParticipantHistory, type SessionFollowUp } from '../../documents/session-follow-up';

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

export async function loadSessionFollowUp(repositories: Repositories, session: Session): Promise<SessionFollowUp> {
  return sessionFollowUp(session, await loadParticipantHistory(repositories, session.participantId));
}

/** One session's documents' input, read at the moment of export so it has the latest reviews. */
export async function loadSessionBundle(
  repositories: Repositories,
  { session, participant, actions }: Omit<SessionBundle, 'followUp'>,
): Promise<SessionBundle> {
  return { session, participant, actions, followUp: await loadSessionFollowUp(repositories, session) };
}
