// A participant's session cadence in dates: when the next session falls, and whether the coach is
// overdue for one ("No session with Amara for 3 weeks; her cadence is every 2 weeks").
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { CalendarDate, SessionCadence } from './model';

export const cadenceLabels: Record<SessionCadence, string> = {
  weekly: 'weekly',
  'every-two-weeks': 'every 2 weeks',
  monthly: 'monthly',
  none: 'no set rhythm',
};

const asDate = (day: Date) => format(day, 'yyyy-MM-dd') as CalendarDate;

/** The date one cadence after `from`, or null when the participant has none. */
export function nextSessionDate(from: CalendarDate, cadence: SessionCadence): CalendarDate | null {
  const day = parseISO(from);
  if (cadence === 'weekly') return asDate(addDays(day, 7));
  if (cadence === 'every-two-weeks') return asDate(addDays(day, 14));
  if (cadence === 'monthly') return asDate(addMonths(day, 1));
  return null;
}

/** Days past the date the next session was due, or null when none is due yet (or ever). */
export function daysOverdueForSession(
  lastHeld: CalendarDate,
  cadence: SessionCadence,
  today: CalendarDate,
): number | null {
  const due = nextSessionDate(lastHeld, cadence);
  if (due === null) return null;
  const late = differenceInCalendarDays(parseISO(today), parseISO(due));
  return late > 0 ? late : null;
}

/** "3 weeks", "10 days": how long since a date, as a coach would say it. */
export function timeSince(lastHeld: CalendarDate, today: CalendarDate): string {
  const days = differenceInCalendarDays(parseISO(today), parseISO(lastHeld));
  if (days >= 14 && days % 7 === 0) return `${days / 7} weeks`;
  if (days >= 21) return `${Math.floor(days / 7)} weeks`;
  return `${days} day${days === 1 ? '' : 's'}`;
}
