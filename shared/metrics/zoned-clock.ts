// Converts between instants (epoch milliseconds) and the coach's wall clock in one IANA time zone.
// Offsets come from @date-fns/tz and are remembered per zone for the life of the page: measuring
// five years of records asks for tens of thousands of conversions, Intl formatting is slow, and a
// zone's rules do not change while the app runs.
import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY } from './calendar-days';

const MS_PER_MINUTE = 60_000;
/**
 * No zone in the tz database has changed its offset twice within six days since 1975 (all 418 of
 * Node's zones checked at 6-hour steps to 2036; the closest pair is Recife's one week of summer
 * time in October 2000). So equal offsets six days apart mean no change in between.
 */
const QUIET_SPAN_MS = 6 * MS_PER_DAY;

export type ZonedClock = {
  timeZone: string;
  /** The zone's offset from UTC at an instant, in minutes (London in summer: 60). */
  offsetAt: (instant: number) => number;
  /** The local calendar day (see calendar-days.ts) an instant falls on. */
  dayOf: (instant: number) => number;
  /**
   * The instant a local wall-clock time happens. A time skipped by a spring-forward change is moved
   * forward by the gap (01:30 becomes 02:30 summer time in London); a time that happens twice in
   * an autumn change is the first of the two.
   */
  instantOf: (day: number, minuteOfDay: number) => number;
};

function createClock(timeZone: string): ZonedClock {
  const offsetAtInstant = (instant: number) => {
    const offset = tzOffset(timeZone, new Date(instant));
    if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
    return offset;
  };
  const remembered = (span: number) => {
    const offsets = new Map<number, number>();
    return (index: number) => {
      let offset = offsets.get(index);
      if (offset === undefined) {
        offset = offsetAtInstant(index * span);
        offsets.set(index, offset);
      }
      return offset;
    };
  };
  // The offset at the start of each six-day span (counted from the epoch) and, only in spans whose
  // two ends differ, of each UTC day: five years cost ~300 Intl look-ups, not ~1,800.
  const offsetAtSpanStart = remembered(QUIET_SPAN_MS);
  const offsetAtDayStart = remembered(MS_PER_DAY);

  function offsetAt(instant: number): number {
    const span = Math.floor(instant / QUIET_SPAN_MS);
    const offset = offsetAtSpanStart(span);
    if (offset === offsetAtSpanStart(span + 1)) return offset;
    const day = Math.floor(instant / MS_PER_DAY);
    const dayOffset = offsetAtDayStart(day);
    return dayOffset === offsetAtDayStart(day + 1) ? dayOffset : offsetAtInstant(instant);
  }

  function instantOf(day: number, minuteOfDay: number): number {
    const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
    const before = offsetAt(wall - MS_PER_DAY);
    const after = offsetAt(wall + MS_PER_DAY);
    const early = wall - before * MS_PER_MINUTE;
    if (before === after) return early;
    const late = wall - after * MS_PER_MINUTE;
    const earlyHappens = offsetAt(early) === before;
    const lateHappens = offsetAt(late) === after;
    if (earlyHappens && lateHappens) return Math.min(early, late);
    if (earlyHappens) return early;
    if (lateHappens) return late;
    // Neither: the wall time falls in a spring-forward gap; the pre-change offset moves it forward.
    return early;
  }

  return {
    timeZone,
    offsetAt,
    dayOf: (instant) => Math.floor((instant + offsetAt(instant) * MS_PER_MINUTE) / MS_PER_DAY),
    instantOf,
  };
}

const clocks = new Map<string, ZonedClock>();

/** The clock of a zone; one per zone, so its remembered offsets are shared by every caller. */
export function zonedClock(timeZone: string): ZonedClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = createClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}
