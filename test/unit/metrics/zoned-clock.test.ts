// Local days and wall-clock instants around the 2026 clock changes in London and New York.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDate, dayNumber, mondayOf, weekStartsIn } from '../../../shared/metrics/calendar-days';
import { zonedClock } from '../../../shared/metrics/zoned-clock';
import { tzOffset } from '@date-fns/tz';

const london = zonedClock('Europe/London');
const newYork = zonedClock('America/New_York');
const localDate = (clock: typeof london, iso: string) => calendarDate(clock.dayOf(Date.parse(iso)));
const wall = (clock: typeof london, date: string, time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(clock.instantOf(dayNumber(date), hours * 60 + minutes)).toISOString();
};

describe('calendar days', () => {
  it('round-trips dates and finds Mondays', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(calendarDate(dayNumber('2028-02-29'))).toBe('2028-02-29');
    // 29 March 2026 is a Sunday, 30 March a Monday.
    expect(calendarDate(mondayOf(dayNumber('2026-03-29')))).toBe('2026-03-23');
    expect(calendarDate(mondayOf(dayNumber('2026-03-30')))).toBe('2026-03-30');
    expect(weekStartsIn({ first: dayNumber('2026-03-04'), last: dayNumber('2026-03-16') }).map(calendarDate)).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
  });

  it('puts every day in the week of the Monday at most six days before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (day) => {
        const monday = mondayOf(day);
        expect(new Date(monday * 86_400_000).getUTCDay()).toBe(1);
        expect(day - monday).toBeGreaterThanOrEqual(0);
        expect(day - monday).toBeLessThan(7);
      }),
    );
  });
});

describe('the zoned clock', () => {
  it('reads the local day across the London spring change', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST. 23:30 UTC that night is already Monday in London.
    expect(localDate(london, '2026-03-29T00:30:00Z')).toBe('2026-03-29');
    expect(localDate(london, '2026-03-29T22:59:59Z')).toBe('2026-03-29');
    expect(localDate(london, '2026-03-29T23:00:00Z')).toBe('2026-03-30');
  });

  it('reads the local day across the New York changes', () => {
    // 8 March 2026 02:00 EST → 03:00 EDT; 1 November 2026 02:00 EDT → 01:00 EST.
    expect(localDate(newYork, '2026-03-09T03:30:00Z')).toBe('2026-03-08'); // 23:30 EDT
    expect(localDate(newYork, '2026-03-08T04:30:00Z')).toBe('2026-03-07'); // 23:30 EST
    expect(localDate(newYork, '2026-11-02T04:30:00Z')).toBe('2026-11-01'); // 23:30 EST
    expect(localDate(newYork, '2026-11-01T03:30:00Z')).toBe('2026-10-31'); // 23:30 EDT
  });

  it('turns wall-clock times into instants, including skipped and repeated hours', () => {
    expect(wall(london, '2026-03-28', '23:30')).toBe('2026-03-28T23:30:00.000Z');
    expect(wall(london, '2026-03-29', '09:00')).toBe('2026-03-29T08:00:00.000Z');
    // 01:30 does not exist on 29 March in London: it moves forward to 02:30 BST.
    expect(wall(london, '2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 happens twice on 25 October: the first one, still BST.
    expect(wall(london, '2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    // 02:30 does not exist on 8 March in New York: 03:30 EDT.
    expect(wall(newYork, '2026-03-08', '02:30')).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November: the first one, still EDT.
    expect(wall(newYork, '2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(wall(newYork, '2026-11-01', '12:00')).toBe('2026-11-01T17:00:00.000Z');
  });

  it('rejects an unknown time zone with a message', () => {
    expect(() => zonedClock('Mars/Olympus').dayOf(0)).toThrow('Unknown time zone: Mars/Olympus');
  });

  it('reads the offset the time-zone database gives at any instant, in zones with unusual changes', () => {
    // Recife kept summer time for one week in 2000; Casablanca suspends it for Ramadan; Lord Howe
    // moves by half an hour; Tehran dropped summer time in 2022.
    const zones = ['America/Recife', 'Africa/Casablanca', 'Australia/Lord_Howe', 'Asia/Tehran', 'Europe/London'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 11, 31) }),
        (zone, instant) => {
          expect(zonedClock(zone).offsetAt(instant)).toBe(tzOffset(zone, new Date(instant)));
        },
      ),
      { numRuns: 2_000 },
    );
    const recife = zonedClock('America/Recife');
    expect(recife.offsetAt(Date.parse('2000-10-10T12:00:00Z'))).toBe(-120);
    expect(recife.offsetAt(Date.parse('2000-10-20T12:00:00Z'))).toBe(-180);
  });

  it('puts every wall-clock instant back on its own day', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'].map(zonedClock);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (clock, day, minute) => {
          const instant = clock.instantOf(day, minute);
          expect(clock.dayOf(instant)).toBe(day);
          // Outside a skipped hour, the instant reads back as the same wall time.
          const offset = clock.offsetAt(instant);
          const readBack = (((instant / 60_000 + offset) % 1440) + 1440) % 1440;
          expect([0, 60]).toContain(readBack - minute);
        },
      ),
    );
  });
});
