// Planned sessions and action due dates as an iCalendar file (RFC 5545) that Outlook, Google
// Calendar and Apple Calendar import. Written with ical.js rather than by hand. Every event's UID
// is the record's id, so importing a later export updates the events instead of duplicating them.
// Nothing private goes in: a session is its participant, type and time, never its notes.
import ICAL from 'ical.js';
import { bySessionStart, type Action, type Session } from '../../shared/model';

const PRODUCT_ID = '-//Followthrough//Coaching sessions and actions//EN';
const DEFAULT_SESSION_MINUTES = 60;

export type CalendarInput = {
  sessions: Pick<Session, 'id' | 'participantId' | 'date' | 'startTime' | 'durationMinutes' | 'type'>[];
  actions: Pick<Action, 'id' | 'participantId' | 'text' | 'owner' | 'dueDate'>[];
  participantName: (participantId: string) => string;
  sessionTypeLabel: (type: Session['type']) => string;
  /** When the file is made: each event's DTSTAMP. */
  now: Date;
};

export const sessionUid = (id: string) => `session-${id}@followthrough`;
export const actionUid = (id: string) => `action-${id}@followthrough`;

/** The session's start in the coach's time zone, written in UTC so every calendar agrees. */
function sessionStart(session: Pick<Session, 'date' | 'startTime'>): Date {
  return new Date(`${session.date}T${session.startTime}:00`);
}

function event(uid: string, stamp: ICAL.Time, summary: string): ICAL.Component {
  const component = new ICAL.Component('vevent');
  component.addPropertyWithValue('uid', uid);
  component.addPropertyWithValue('dtstamp', stamp);
  component.addPropertyWithValue('summary', summary);
  return component;
}

export function calendarFile({ sessions, actions, participantName, sessionTypeLabel, now }: CalendarInput): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', PRODUCT_ID);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  const stamp = ICAL.Time.fromJSDate(now, true);

  for (const session of [...sessions].sort(bySessionStart)) {
    const name = participantName(session.participantId);
    const vevent = event(sessionUid(session.id), stamp, `Coaching: ${name} (${sessionTypeLabel(session.type)})`);
    const start = sessionStart(session);
    const minutes = session.durationMinutes || DEFAULT_SESSION_MINUTES;
    vevent.addPropertyWithValue('dtstart', ICAL.Time.fromJSDate(start, true));
    vevent.addPropertyWithValue('dtend', ICAL.Time.fromJSDate(new Date(start.getTime() + minutes * 60_000), true));
    calendar.addSubcomponent(vevent);
  }

  const dated = actions.flatMap(({ dueDate, ...action }) => (dueDate ? [{ ...action, dueDate }] : []));
  for (const action of dated.sort((a, b) => a.dueDate.localeCompare(b.dueDate))) {
    const owner = action.owner || participantName(action.participantId);
    const vevent = event(actionUid(action.id), stamp, `Due: ${action.text} (${owner})`);
    const day = ICAL.Time.fromDateString(action.dueDate);
    vevent.addPropertyWithValue('dtstart', day);
    const next = day.clone();
    next.adjust(1, 0, 0, 0);
    vevent.addPropertyWithValue('dtend', next);
    vevent.addPropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(vevent);
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}
