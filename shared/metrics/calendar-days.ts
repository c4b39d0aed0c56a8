// Calendar dates as whole-day numbers (days since 1970-01-01), so week and range arithmetic is
// integer arithmetic and no daylight-saving change can shift a date by an hour.
import type { CalendarDate } from '../model';

export const MS_PER_DAY = 86_400_000;

const digits = (text: string, from: number, to: number) => {
  let value = 0;
  for (let index = from; index < to; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
};

/**
 * The day number of a calendar date: 1970-01-01 is 0. Parsed digit by digit with the civil-calendar
 * formula (H. Hinnant, "days_from_civil"), because the measures call this for every session.
 */
export function dayNumber(date: CalendarDate): number {
  const month = digits(date, 5, 7);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + digits(date, 8, 10) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number. */
export function calendarDate(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Monday that starts the week holding `day` (1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** An inclusive range of whole days. */
export type DayRange = { first: number; last: number };

/** A range the coach picked, as calendar dates, both ends included. */
export type DateRange = { from: CalendarDate; to: CalendarDate };

export function toDayRange(range: DateRange): DayRange {
  return { first: dayNumber(range.from), last: dayNumber(range.to) };
}

export function toDateRange(range: DayRange): DateRange {
  return { from: calendarDate(range.first), to: calendarDate(range.last) };
}

export const rangeLength = (range: DayRange) => range.last - range.first + 1;

export const inRange = (day: number, range: DayRange) => day >= range.first && day <= range.last;

/** The Mondays of every week that overlaps the range, oldest first. */
export function weekStartsIn(range: DayRange): number[] {
  const weeks: number[] = [];
  for (let monday = mondayOf(range.first); monday <= range.last; monday += 7) weeks.push(monday);
  return weeks;
}
