// How domain values read on screen.
import { format, parseISO } from 'date-fns';
import type { ActionStatus, Session } from '../../shared/model';

export const sessionTypeLabels: Record<Session['type'], string> = {
  'one-to-one': '1:1',
  'peer-circle': 'Peer circle',
  group: 'Group',
  'cohort-workshop': 'Cohort workshop',
};

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  verified: 'Verified',
  dropped: 'Dropped',
  blocked: 'Blocked',
};

export const actionStatusTone: Record<ActionStatus, string> = {
  open: 'accent',
  done: 'ok',
  verified: 'ok',
  dropped: '',
  blocked: 'danger',
};

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A calendar date as a short label: "Thu 5 Feb", with the year when it is not this year's. */
export function formatDay(date: string, today = new Date()): string {
  const day = parseISO(date);
  return format(day, day.getFullYear() === today.getFullYear() ? 'EEE d MMM' : 'd MMM yyyy');
}

/** "1:1 · 1 h 15 min": a session's type and, once known, its length. */
export function sessionFacts(session: Pick<Session, 'type' | 'durationMinutes'>): string {
  const type = sessionTypeLabels[session.type];
  return session.durationMinutes > 0 ? `${type} · ${formatMinutes(session.durationMinutes)}` : type;
}
