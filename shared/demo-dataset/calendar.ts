// Calendar arithmetic in UTC, so the dataset is the same in every time zone.
import type { CalendarDate } from '../model';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function dateOf(timestamp: number): CalendarDate {
  return new Date(timestamp).toISOString().slice(0, 10);
}

export function startOfDay(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOf(startOfDay(date) + days * DAY_MS);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);
}

/** The same date when it is a weekday, otherwise the Monday after. */
export function nextWeekday(date: CalendarDate): CalendarDate {
  const weekday = new Date(startOfDay(date)).getUTCDay();
  if (weekday === 6) return addDays(date, 2);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

/** The moment a session on `date` at `time` (HH:MM) starts. */
export function timestampAt(date: CalendarDate, time: string): number {
  return Date.parse(`${date}T${time}:00Z`);
}
