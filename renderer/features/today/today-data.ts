// What the Today view needs, read through indexes so it stays quick with years of data: recent
// sessions, actions due, sessions still owing an action under the 24-hour rule, contracts due
// for review.
import { addDays, format } from 'date-fns';
import type { Action, Contract, Session } from '../../../shared/model';
import {
  firstActionLoggedAtBySession,
  twentyFourHourStatus,
  type TwentyFourHourStatus,
} from '../../../shared/twenty-four-hour-rule';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import { contractsDueForReview } from '../../../shared/contract-rules';
import type { Repositories } from '../../db/repositories';

const TODAY_LIST_LIMIT = 50;
const RECENT_DAYS = 7;
const RULE_LOOKBACK_DAYS = 30;
const REVIEW_HORIZON_DAYS = 7;

type TodayData = {
  recentSessions: Session[];
  dueActions: Action[];
  dueActionCount: number;
  sessionsOwingAction: { session: Session; state: TwentyFourHourStatus }[];
  contractsForReview: Contract[];
  participantCount: number;
};

const calendarDay = (date: Date) => format(date, 'yyyy-MM-dd');

export async function loadTodayData(
  { sessions, actions, contracts, participants }: Repositories,
  now: Date,
): Promise<TodayData> {
  const today = calendarDay(now);
  const [recentSessions, ruleSessions, dueActions, contractsForReview, participantCount] = await Promise.all([
    sessions.between(calendarDay(addDays(now, -RECENT_DAYS)), today, 'newest first'),
    sessions.between(calendarDay(addDays(now, -RULE_LOOKBACK_DAYS)), today, 'oldest first'),
    actions.dueBy(today),
    contracts.reviewBy(calendarDay(addDays(now, REVIEW_HORIZON_DAYS))),
    participants.count(),
  ]);

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
  };
}
