// A measured period: the days it covers and the instant it ends, in the coach's time zone. Events
// after the end are not yet known to the period, so a past period's numbers never change.
import type { DayRange } from './calendar-days';
import type { ZonedClock } from './zoned-clock';

export type Period = DayRange & {
  /** The first instant after the period: midnight starting the day after `last`. */
  endsBefore: number;
  /** When the numbers are computed; sessions that have not started by then are not counted. */
  now: number;
};

export function period(range: DayRange, clock: ZonedClock, now: number): Period {
  return { ...range, now, endsBefore: clock.instantOf(range.last + 1, 0) };
}

/** Some of a period's days (one week of it, say) that still know everything the period knows. */
export function daysOf(parent: Period, days: DayRange): Period {
  return { ...parent, first: Math.max(parent.first, days.first), last: Math.min(parent.last, days.last) };
}

/** Whether an instant is before the end of the period (and so known to it). */
export const knownBy = (instant: number, within: Period) => instant < within.endsBefore;
