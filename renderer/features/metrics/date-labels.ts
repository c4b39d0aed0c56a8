// Calendar dates as the page writes them: "2 Mar 2026", "2 Mar – 29 Mar 2026".
import { dayNumber, type DateRange } from '../../../shared/metrics/calendar-days';

const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const asDate = (date: string) => new Date(dayNumber(date) * 86_400_000);

export const formatDate = (date: string) => full.format(asDate(date));

export function formatRange({ from, to }: DateRange): string {
  if (from === to) return formatDate(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${sameYear ? short.format(asDate(from)) : formatDate(from)} – ${formatDate(to)}`;
}
