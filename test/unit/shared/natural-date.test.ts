import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, format } from 'date-fns';
import { parseNaturalDate } from '../../../shared/natural-date';

// Saturday 28 November 2026, local time.
const today = new Date(2026, 10, 28);

describe('parseNaturalDate', () => {
  it.each([
    ['fri', '2026-12-04'],
    ['Friday', '2026-12-04'],
    ['next fri', '2026-12-11'],
    ['tomorrow', '2026-11-29'],
    ['today', '2026-11-28'],
    ['next week', '2026-11-30'],
    ['in 3 days', '2026-12-01'],
    ['in 2 weeks', '2026-12-12'],
    ['4 dec', '2026-12-04'],
    ['dec 4', '2026-12-04'],
    ['1 jan', '2027-01-01'],
    ['4 December 2027', '2027-12-04'],
    ['31/12/2026', '2026-12-31'],
    ['2026-12-04', '2026-12-04'],
    ['  2026-12-04  ', '2026-12-04'],
    ['last monday', '2026-11-23'],
    ['last fri', '2026-11-27'],
    ['end of month', '2026-11-30'],
    ['end of the month', '2026-11-30'],
    ['eom', '2026-11-30'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseNaturalDate(input, today)).toEqual({ ok: true, date: expected });
  });

  it.each(['   ', 'someday', 'Some day', 'no date', 'none', '-'])('reads %j as no date, as a blank would', (input) => {
    expect(parseNaturalDate(input, today)).toEqual({ ok: true, date: null });
  });

  it.each(['2026-02-30', '32 dec', 'in 1000 days', 'fri fri'])('refuses %j with a message', (input) => {
    const parsed = parseNaturalDate(input, today);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(10);
  });

  it('reads back every real ISO date unchanged', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), (date) => {
        const iso = format(date, 'yyyy-MM-dd');
        expect(parseNaturalDate(iso, today)).toEqual({ ok: true, date: iso });
      }),
    );
  });

  it('never throws and always answers with a real date or a message, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const parsed = parseNaturalDate(input, today);
        if (parsed.ok && parsed.date) expect(parsed.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (!parsed.ok) expect(parsed.error).toBeTruthy();
      }),
    );
  });

  it('puts "in N days" exactly N days ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (days) => {
        expect(parseNaturalDate(`in ${days} days`, today)).toEqual({
          ok: true,
          date: format(addDays(today, days), 'yyyy-MM-dd'),
        });
      }),
    );
  });

  it('always puts a weekday name within the coming week, never today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
        fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'),
        (day, weekday) => {
          const parsed = parseNaturalDate(weekday, day);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok || !parsed.date) return;
          const distance = Math.round(
            (new Date(`${parsed.date}T12:00`).getTime() - new Date(format(day, "yyyy-MM-dd'T'12:00")).getTime()) /
              86_400_000,
          );
          expect(distance).toBeGreaterThanOrEqual(1);
          expect(distance).toBeLessThanOrEqual(7);
        },
      ),
    );
  });
});
