// The sessions a batch export covers, each with its participant and live actions. Sessions not
// held yet (dated after today) and sessions with nothing written are left out and counted: their
// documents would be blank.
import type { CalendarDate, Session } from '../../../shared/model';
import type { SessionBundle } from '../../documents/build-data';
import type { FollowthroughDatabase } from '../../db/database';

export type BatchScope = { participantId: string } | { from: CalendarDate; to: CalendarDate };

export type BatchSessions = { bundles: SessionBundle[]; skipped: { notHeldYet: number; empty: number } };

const hasWriting = (session: Session) =>
  [session.goal, session.reality, session.options, session.will, session.notes].some((text) => text.trim() !== '');

export async function loadSessionBundles(
  db: FollowthroughDatabase,
  scope: BatchScope,
  today: CalendarDate,
): Promise<BatchSessions> {
  const inScope = await (
    'participantId' in scope
      ? db.sessions.where('participantId').equals(scope.participantId)
      : db.sessions.where('date').between(scope.from, scope.to, true, true)
  )
    .filter((session) => session.deletedAt === undefined)
    .sortBy('date');
  const held = inScope.filter((session) => session.date <= today);
  const participants = new Map((await db.participants.toArray()).map((participant) => [participant.id, participant]));
  const actions = await db.actions
    .where('sessionId')
    .anyOf(held.map((session) => session.id))
    .filter((action) => action.deletedAt === undefined)
    .toArray();
  const bundles: SessionBundle[] = [];
  let empty = 0;
  for (const session of held) {
    const participant = participants.get(session.participantId);
    if (!participant) continue;
    const own = actions.filter((action) => action.sessionId === session.id);
    if (hasWriting(session) || own.length > 0) bundles.push({ session, participant, actions: own });
    else empty++;
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
