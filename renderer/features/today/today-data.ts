// What the Today view needs, read through indexes so it stays quick with years of data: recent
// sessions, actions due, sessions still owing an action under the 24-hour rule, contracts due
// for review.
import { addDays, format } from 'date-fns';
import {
  bySessionStart,
  type Action,
  type CalendarDate,
  type Contract,
  type Participant,
  type Session,
} from '../../../shared/model';
import { daysOverdueForSession } from '../../../shared/cadence';
import {
  firstActionLoggedAtBySession,
  twentyFourHourStatus,
  type TwentyFourHourStatus,
} from '../../../shared/twenty-four-hour-rule';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import { contractsDueForReview } from '../../../shared/contract-rules';
import { pulseScore } from '../../../shared/metrics/session-measures';
import type { Repositories } from '../../db/repositories';

const TODAY_LIST_LIMIT = 50;
const RECENT_DAYS = 7;
const RULE_LOOKBACK_DAYS = 30;
const REVIEW_HORIZON_DAYS = 7;
const COMING_UP_DAYS = 7;

/** How many held sessions' pulses a prep card shows. */
const PREP_PULSES = 3;

/** What the coach reads before a planned session: where the last one ended and what is open. */
export type PrepCard = {
  session: Session;
  participant: Participant | undefined;
  lastHeld: Session | undefined;
  openActions: number;
  overdueActions: number;
  /** The participant's contracts whose review is due by the session. */
  contractsDue: Contract[];
  /** The pulse scores (1–5) of the last sessions held, newest first; null where none was taken. */
  lastPulses: { date: CalendarDate; score: number | null }[];
};

/** A participant with a cadence and no session held or planned within it. */
export type DueForSession = { participant: Participant; lastHeld: CalendarDate; daysOverdue: number };

type TodayData = {
  recentSessions: Session[];
  dueActions: Action[];
  dueActionCount: number;
  sessionsOwingAction: { session: Session; state: TwentyFourHourStatus }[];
  contractsForReview: Contract[];
  participantCount: number;
  comingUp: Session[];
  /** Planned sessions whose day has passed in the last month without being held, newest first. */
  plannedNotHeld: Session[];
  dueForSession: DueForSession[];
};

const calendarDay = (date: Date) => format(date, 'yyyy-MM-dd');

export async function loadTodayData(
  { sessions, actions, contracts, participants }: Repositories,
  now: Date,
): Promise<TodayData> {
  const today = calendarDay(now);
  const held = (list: Session[]) => list.filter((session) => session.status !== 'planned');
  const [recentSessions, lastMonth, dueActions, contractsForReview, participantCount, comingUp] = await Promise.all([
    sessions.between(calendarDay(addDays(now, -RECENT_DAYS)), today, 'newest first').then(held),
    sessions.between(calendarDay(addDays(now, -RULE_LOOKBACK_DAYS)), today, 'oldest first'),
    actions.dueBy(today),
    contracts.reviewBy(calendarDay(addDays(now, REVIEW_HORIZON_DAYS))),
    participants.count(),
    sessions
      .between(today, calendarDay(addDays(now, COMING_UP_DAYS)), 'oldest first')
      .then((list) => list.filter((session) => session.status === 'planned').sort(bySessionStart)),
  ]);

  const ruleSessions = held(lastMonth);
  const plannedNotHeld = lastMonth
    .filter((session) => session.status === 'planned' && session.date < today)
    .sort((a, b) => b.date.localeCompare(a.date));
  const ruleActions = await actions.ofSessions(ruleSessions.map((session) => session.id));
  const firstLogged = firstActionLoggedAtBySession(ruleActions);
  const clock = zonedClock(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const sessionsOwingAction = ruleSessions
    .map((session) => ({
      session,
      state: twentyFourHourStatus(session, firstLogged.get(session.id) ?? null, clock, now.getTime()),
    }))
    .filter(({ state }) => state !== 'met')
    .sort((a, b) => b.session.date.localeCompare(a.session.date));

  dueActions.sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  return {
    recentSessions,
    dueActions: dueActions.slice(0, TODAY_LIST_LIMIT),
    dueActionCount: dueActions.length,
    sessionsOwingAction,
    contractsForReview: contractsDueForReview(contractsForReview, today).map(({ contract }) => contract),
    participantCount,
    comingUp,
    plannedNotHeld,
    dueForSession: await participantsDueForSession({ sessions, participants }, today),
  };
}

/** Active participants whose cadence says a session is overdue and none is planned; most overdue first. */
async function participantsDueForSession(
  { sessions, participants }: Pick<Repositories, 'sessions' | 'participants'>,
  today: CalendarDate,
): Promise<DueForSession[]> {
  const withCadence = (await participants.listActive()).filter(
    (participant) => participant.status === 'active' && participant.cadence !== 'none',
  );
  const due = await Promise.all(
    withCadence.map(async (participant): Promise<DueForSession | null> => {
      const [lastHeld, planned] = await Promise.all([
        sessions.lastHeldOf(participant.id, today),
        sessions.plannedOf(participant.id, today),
      ]);
      if (!lastHeld || planned.length > 0) return null;
      const daysOverdue = daysOverdueForSession(lastHeld.date, participant.cadence, today);
      return daysOverdue === null ? null : { participant, lastHeld: lastHeld.date, daysOverdue };
    }),
  );
  return due.filter((entry) => entry !== null).sort((a, b) => b.daysOverdue - a.daysOverdue);
}

/** The prep card of a planned session, read when the coach opens it. */
export async function loadPrepCard(
  {
    sessions,
    participants,
    actions,
    contracts,
  }: Pick<Repositories, 'sessions' | 'participants' | 'actions' | 'contracts'>,
  session: Session,
  today: CalendarDate,
): Promise<PrepCard> {
  const [participant, recentHeld, open, ownContracts] = await Promise.all([
    participants.get(session.participantId),
    sessions.recentHeldOf(session.participantId, session.date, PREP_PULSES),
    actions.unfinishedOf(session.participantId),
    contracts.ofParticipant(session.participantId),
  ]);
  return {
    session,
    participant,
    lastHeld: recentHeld[0],
    openActions: open.length,
    overdueActions: open.filter((action) => action.dueDate !== null && action.dueDate < today).length,
    contractsDue: contractsDueForReview(ownContracts, session.date).map(({ contract }) => contract),
    lastPulses: recentHeld.map((held) => ({ date: held.date, score: pulseScore(held.pulse) })),
  };
}
