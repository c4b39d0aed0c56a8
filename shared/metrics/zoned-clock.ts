// Converts between instants (epoch milliseconds) and the coach's wall clock in one IANA time zone.
// Offsets come from @date-fns/tz and are remembered per UTC day, per zone, for the life of the
// page: measuring five years of records asks for tens of thousands of conversions, Intl
// formatting is slow, and a zone's rules do not change while the app runs.
import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY } from './calendar-days';

const MS_PER_MINUTE = 60_000;

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
  // The offset at the start of each UTC day. When two consecutive days start with the same offset,
  // the zone does not change in between (no zone changes twice in one day).
  const dayStartOffsets = new Map<number, number>();
  const offsetAtDayStart = (utcDay: number) => {
    let offset = dayStartOffsets.get(utcDay);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(utcDay * MS_PER_DAY));
      if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
      dayStartOffsets.set(utcDay, offset);
    }
    return offset;
  };

  function offsetAt(instant: number): number {
    const utcDay = Math.floor(instant / MS_PER_DAY);
    const offset = offsetAtDayStart(utcDay);
    return offset === offsetAtDayStart(utcDay + 1) ? offset : tzOffset(timeZone, new Date(instant));
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
