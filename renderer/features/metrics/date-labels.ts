// Calendar dates as the page writes them: "2 Mar 2026", "2 Mar – 29 Mar 2026", and on a chart's
// axis "2 Mar" or "Mar 2026". Months are written as the rest of the app writes them ("Sep", where
// en-GB's Intl writes "Sept"); every date is a UTC calendar day.
import { dayNumber, type DateRange } from '../../../shared/metrics/calendar-days';

const month = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const asDate = (date: string) => new Date(dayNumber(date) * 86_400_000);

const dayMonth = (at: Date) => `${at.getUTCDate()} ${month.format(at)}`;
const dayMonthYear = (at: Date) => `${dayMonth(at)} ${at.getUTCFullYear()}`;

export const formatDate = (date: string) => dayMonthYear(asDate(date));

export function formatRange({ from, to }: DateRange): string {
  if (from === to) return formatDate(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${sameYear ? dayMonth(asDate(from)) : formatDate(from)} – ${formatDate(to)}`;
}

/** A chart axis label for a time in seconds: "9 Sep", or "Sep 2026" over a long span. */
export function formatAxisDate(seconds: number, withYear: boolean): string {
  const at = new Date(seconds * 1000);
  return withYear ? `${month.format(at)} ${at.getUTCFullYear()}` : dayMonth(at);
}
