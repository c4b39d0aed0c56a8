// The sessions a batch export covers, each with its participant and live actions. Sessions not
// held yet (dated after today) and sessions with nothing written are left out and counted: their
// documents would be blank.
import type { CalendarDate, Session } from '../../../shared/model';
import type { SessionBundle } from '../../documents/build-data';
import type { Repositories } from '../../db/repositories';
import { sessionFollowUp, type ParticipantHistory } from '../../documents/session-follow-up';
import { loadParticipantHistory } from './load-follow-up';

export type BatchScope = { participantId: string } | { from: CalendarDate; to: CalendarDate };

type BatchSessions = { bundles: SessionBundle[]; skipped: { notHeldYet: number; empty: number } };

const hasWriting = (session: Session) =>
  [session.goal, session.reality, session.options, session.will, session.notes].some((text) => text.trim() !== '');

export async function loadSessionBundles(
  repositories: Repositories,
  scope: BatchScope,
  today: CalendarDate,
): Promise<BatchSessions> {
  const inScope = await ('participantId' in scope
    ? repositories.sessions.ofParticipant(scope.participantId, 'oldest first')
    : repositories.sessions.between(scope.from, scope.to, 'oldest first'));
  const held = inScope.filter((session) => session.date <= today);
  const participants = await repositories.participants.byId();
  const actions = await repositories.actions.ofSessions(held.map((session) => session.id));
  const histories = new Map<string, ParticipantHistory>();
  const historyOf = async (participantId: string) => {
    if (!histories.has(participantId)) {
      histories.set(participantId, await loadParticipantHistory(repositories, participantId));
    }
    return histories.get(participantId)!;
  };
  const bundles: SessionBundle[] = [];
  let empty = 0;
  for (const session of held) {
    const participant = participants.get(session.participantId);
    if (!participant) continue;
    const own = actions.filter((action) => action.sessionId === session.id);
    if (!hasWriting(session) && own.length === 0) {
      empty++;
      continue;
    }
    const followUp = sessionFollowUp(session, await historyOf(participant.id));
    bundles.push({ session, participant, actions: own, followUp });
  }
  return { bundles, skipped: { notHeldYet: inScope.length - held.length, empty } };
}

/** What the coach is told about the sessions a batch left out, or '' when it left none out. */
export function skippedSessionsNote({ notHeldYet, empty }: BatchSessions['skipped']): string {
  const sessions = (n: number) => (n === 1 ? '1 session' : `${n} sessions`);
  const reasons = [
    notHeldYet ? `${sessions(notHeldYet)} not held yet` : '',
    empty ? `${sessions(empty)} with nothing written` : '',
  ].filter(Boolean);
  return reasons.length ? `Left out ${reasons.join(' and ')}.` : '';
}
