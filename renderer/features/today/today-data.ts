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
import type { FollowthroughDatabase } from '../../db/database';

export const TODAY_LIST_LIMIT = 50;
const RECENT_DAYS = 7;
const RULE_LOOKBACK_DAYS = 30;
const REVIEW_HORIZON_DAYS = 7;

export type TodayData = {
  recentSessions: Session[];
  dueActions: Action[];
  dueActionCount: number;
  sessionsOwingAction: { session: Session; state: TwentyFourHourStatus }[];
  contractsForReview: Contract[];
  participantCount: number;
};

const calendarDay = (date: Date) => format(date, 'yyyy-MM-dd');
const live = <T extends { deletedAt?: number }>(record: T) => record.deletedAt === undefined;

export async function loadTodayData(db: FollowthroughDatabase, now: Date): Promise<TodayData> {
  const today = calendarDay(now);
  const [recentSessions, ruleSessions, dueActions, contractsForReview, participantCount] = await Promise.all([
    db.sessions
      .where('date')
      .between(calendarDay(addDays(now, -RECENT_DAYS)), today, true, true)
      .filter(live)
      .reverse()
      .sortBy('date'),
    db.sessions
      .where('date')
      .between(calendarDay(addDays(now, -RULE_LOOKBACK_DAYS)), today, true, true)
      .filter(live)
      .toArray(),
    // Through the status index: unfinished actions are few, while years of finished ones share due dates.
    db.actions
      .where('status')
      .anyOf(['open', 'blocked'])
      .filter((action) => live(action) && action.dueDate !== null && action.dueDate <= today)
      .toArray(),
    db.contracts
      .where('nextReviewDate')
      .belowOrEqual(calendarDay(addDays(now, REVIEW_HORIZON_DAYS)))
      .toArray(),
    db.participants.count(),
  ]);

  const ruleActions = await db.actions
    .where('sessionId')
    .anyOf(ruleSessions.map((session) => session.id))
    .toArray();
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
