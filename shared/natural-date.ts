// Turns what a coach types in a due-date field into a calendar date: "fri", "next week",
// "tomorrow", "in 3 days", "last mon", "end of month", "4 dec", "2026-12-04"; "someday" means no
// date, as a blank does. The caller shows what it parsed to, so a surprise is seen before it is
// saved.
import {
  addDays,
  addMonths,
  addWeeks,
  endOfMonth,
  format,
  isValid,
  nextDay,
  parse,
  previousDay,
  startOfDay,
  startOfWeek,
  type Day,
} from 'date-fns';
import { calendarDateSchema } from './model';

export type ParsedDate = { ok: true; date: string | null } | { ok: false; error: string };

const weekdays: Record<string, Day> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

const units: Record<string, (date: Date, amount: number) => Date> = {
  day: addDays,
  days: addDays,
  week: addWeeks,
  weeks: addWeeks,
  month: addMonths,
  months: addMonths,
};

const toCalendarDate = (date: Date) => format(date, 'yyyy-MM-dd');

function relative(text: string, today: Date): Date | null {
  if (text === 'today') return today;
  if (text === 'tomorrow' || text === 'tmr') return addDays(today, 1);
  if (text === 'next week') return startOfWeek(addWeeks(today, 1), { weekStartsOn: 1 });
  if (text === 'end of week' || text === 'eow') return nextDay(addDays(today, -1), 5);
  if (/^(end of (the )?month|eom)$/.test(text)) return endOfMonth(today);
  const lastWeekday = /^last ([a-z]+)$/.exec(text);
  if (lastWeekday && lastWeekday[1] in weekdays) return previousDay(today, weekdays[lastWeekday[1]]);
  const inAmount = /^in (\d{1,3}) (days?|weeks?|months?)$/.exec(text);
  if (inAmount) return units[inAmount[2]](today, Number(inAmount[1]));
  const weekday = /^(next )?([a-z]+)$/.exec(text);
  if (weekday && weekday[2] in weekdays) {
    const upcoming = nextDay(today, weekdays[weekday[2]]);
    return weekday[1] ? addWeeks(upcoming, 1) : upcoming;
  }
  return null;
}

const explicitFormats = ['yyyy-MM-dd', 'd MMM yyyy', 'd MMMM yyyy', 'd MMM', 'd MMMM', 'MMM d', 'MMMM d', 'd/M/yyyy'];

/** Years to look ahead for a day and month without a year: 29 February comes round within 8. */
const YEARS_AHEAD = 8;

function explicit(text: string, today: Date): Date | null {
  const firstDay = startOfDay(today);
  for (const pattern of explicitFormats) {
    if (pattern.includes('y')) {
      const date = parse(text, pattern, today);
      if (isValid(date) && format(date, pattern).toLowerCase() === text) return date;
      continue;
    }
    // A day and month without a year means the next time that date comes round: today counts
    // (whatever the hour), and 29 February waits for the next leap year rather than becoming 28.
    for (let year = firstDay.getFullYear(); year <= firstDay.getFullYear() + YEARS_AHEAD; year += 1) {
      const date = parse(text, pattern, new Date(year, 0, 1));
      if (!isValid(date) || format(date, pattern).toLowerCase() !== text) continue;
      if (date >= firstDay) return date;
    }
  }
  return null;
}

/** Entries that mean what a blank means: no date yet. */
const noDateWords = new Set(['someday', 'some day', 'no date', 'none', '-']);

/** `today` is the coach's local date; an empty entry means "no due date". */
export function parseNaturalDate(input: string, today: Date = new Date()): ParsedDate {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text || noDateWords.has(text)) return { ok: true, date: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const checked = calendarDateSchema.safeParse(text);
    return checked.success ? { ok: true, date: text } : { ok: false, error: `${input.trim()} is not a real date` };
  }
  const date = relative(text, today) ?? explicit(text, today);
  if (!date)
    return { ok: false, error: `“${input.trim()}” is not a date I understand; try “fri”, “next week” or 2026-12-04` };
  return { ok: true, date: toCalendarDate(date) };
}

/** "Fri 4 Dec" for the hint shown beside the field. */
export function describeCalendarDate(date: string): string {
  return format(parse(date, 'yyyy-MM-dd', new Date()), 'EEE d MMM yyyy');
}
