// Due dates typed the way coaches say them, on the day itself and around 29 February. The app
// parses against `new Date()` (the current moment, not midnight), so these tests do too.
import { describe, expect, it } from 'vitest';
import { parseNaturalDate } from '../../../shared/natural-date';

describe('parseNaturalDate with the current time of day, as the app calls it', () => {
  // Friday 4 December 2026, 10:30 local time.
  const midMorning = new Date(2026, 11, 4, 10, 30);

  it.each([
    ['4 dec', '2026-12-04'],
    ['dec 4', '2026-12-04'],
    ['4 December', '2026-12-04'],
    ['December 4', '2026-12-04'],
  ])('reads %j typed during 4 December as today, not a year ahead', (input, expected) => {
    expect(parseNaturalDate(input, midMorning)).toEqual({ ok: true, date: expected });
  });

  it('agrees with "today" on the same day, whatever the hour', () => {
    for (const hour of [0, 9, 13, 23]) {
      const now = new Date(2026, 11, 4, hour, 59);
      expect(parseNaturalDate('4 dec', now)).toEqual(parseNaturalDate('today', now));
    }
  });

  it('still puts a day and month already past this year into next year', () => {
    expect(parseNaturalDate('3 dec', midMorning)).toEqual({ ok: true, date: '2027-12-03' });
  });
});

describe('29 February without a year', () => {
  it('never silently moves it to 28 February', () => {
    // 1 March 2028, just after a leap day: the next 29 February is in 2032.
    expect(parseNaturalDate('29 feb', new Date(2028, 2, 1, 9, 0))).toEqual({ ok: true, date: '2032-02-29' });
  });

  it('takes the coming leap day when this year has none', () => {
    // 1 June 2027: the next 29 February is in 2028.
    expect(parseNaturalDate('29 feb', new Date(2027, 5, 1, 9, 0))).toEqual({ ok: true, date: '2028-02-29' });
  });
});
