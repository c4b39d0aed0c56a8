// The coach's 24-hour rule: every session gets at least one action logged within 24 hours of its
// start. The start is the session's date and start time on the coach's wall clock; the window is
// 24 elapsed hours, so a daylight-saving change inside it does not stretch or shrink it.
import { isInTrash, type Action, type Session } from './model';
import { dayNumber } from './metrics/calendar-days';
import type { ZonedClock } from './metrics/zoned-clock';

const TWENTY_FOUR_HOURS_MS = 24 * 60 * 60 * 1000;

type SessionStart = Pick<Session, 'date' | 'startTime'>;

export function sessionStartsAt(session: SessionStart, clock: ZonedClock): number {
  const time = session.startTime;
  const minuteOfDay = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return clock.instantOf(dayNumber(session.date), minuteOfDay);
}

/** The last instant an action may be logged and still count for the session. */
export function actionDeadline(session: SessionStart, clock: ZonedClock): number {
  return sessionStartsAt(session, clock) + TWENTY_FOUR_HOURS_MS;
}

export function isLoggedWithin24Hours(
  action: Pick<Action, 'sessionId' | 'createdAt'>,
  session: Pick<Session, 'id' | 'date' | 'startTime'>,
  clock: ZonedClock,
): boolean {
  return action.sessionId === session.id && action.createdAt <= actionDeadline(session, clock);
}

/** met: an action came in time; open: none yet, but there is still time; missed: the window closed. */
export type TwentyFourHourStatus = 'met' | 'open' | 'missed';

/**
 * The rule's verdict for one session, given when its earliest action was logged (null if none).
 * Callers that hold many sessions pass the earliest createdAt per sessionId instead of the actions.
 */
export function twentyFourHourStatus(
  session: SessionStart,
  firstActionLoggedAt: number | null,
  clock: ZonedClock,
  now: number,
): TwentyFourHourStatus {
  const deadline = actionDeadline(session, clock);
  if (firstActionLoggedAt !== null && firstActionLoggedAt <= deadline) return 'met';
  return now > deadline ? 'missed' : 'open';
}

/** The earliest createdAt of the live actions of each session. */
export function firstActionLoggedAtBySession(
  actions: readonly Pick<Action, 'sessionId' | 'createdAt' | 'deletedAt'>[],
): Map<string, number> {
  const first = new Map<string, number>();
  for (const action of actions) {
    if (action.sessionId === null || isInTrash(action)) continue;
    const known = first.get(action.sessionId);
    if (known === undefined || action.createdAt < known) first.set(action.sessionId, action.createdAt);
  }
  return first;
}
