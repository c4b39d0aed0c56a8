// Coaching-to-action conversion: of the actions logged in a period, the share that reached done
// or verified (per their status history) by the period's end, and the share that was verified.
import { inRange } from './calendar-days';
import type { DatedAction } from './dated-records';
import { knownBy, type Period } from './period';
import { ratio } from './ratio';

export type ConversionResult = {
  logged: number;
  completed: number;
  verified: number;
  completionRate: number | null;
  verificationRate: number | null;
};

export function conversion(actions: readonly DatedAction[], within: Period): ConversionResult {
  let logged = 0;
  let completed = 0;
  let verified = 0;
  for (const action of actions) {
    if (!inRange(action.createdDay, within)) continue;
    logged += 1;
    if (action.completedAt !== null && knownBy(action.completedAt, within)) completed += 1;
    if (action.verifiedAt !== null && knownBy(action.verifiedAt, within)) verified += 1;
  }
  return {
    logged,
    completed,
    verified,
    completionRate: ratio(completed, logged),
    verificationRate: ratio(verified, logged),
  };
}

type ConversionToDate = { logged: number; completed: number; rate: number | null };

/**
 * Conversion from the start of the period to the end of each week (weeks given by their Mondays):
 * the line a sponsor reads as "where conversion stood that week". Its last point is the period's
 * conversion. An action counts as completed from the week it was both logged and completed.
 */
export function conversionToDate(
  actions: readonly DatedAction[],
  within: Period,
  mondays: readonly number[],
): ConversionToDate[] {
  const loggedInWeek = new Array<number>(mondays.length).fill(0);
  const completedInWeek = new Array<number>(mondays.length).fill(0);
  const weekIndex = (day: number) => Math.floor((day - mondays[0]) / 7);
  for (const action of actions) {
    const loggedDay = action.createdDay;
    if (!inRange(loggedDay, within)) continue;
    loggedInWeek[weekIndex(loggedDay)] += 1;
    if (action.completedAt === null || action.completedDay === null || !knownBy(action.completedAt, within)) continue;
    completedInWeek[weekIndex(Math.max(loggedDay, action.completedDay))] += 1;
  }
  let logged = 0;
  let completed = 0;
  return mondays.map((_, index) => {
    logged += loggedInWeek[index];
    completed += completedInWeek[index];
    return { logged, completed, rate: ratio(completed, logged) };
  });
}
