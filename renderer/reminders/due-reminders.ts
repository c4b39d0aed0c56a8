// Decides which reminders are due: a pure function of the time, the records, the coach's choices
// and what was already shown, so the timer that runs it holds no rule of its own. A reminder
// carries only a participant's name, a session's time and type, and counts: never what was said
// in a session nor an action's text, since a notification shows on a screen others may see.
import { addMinutes, format, isAfter, parse, subDays } from 'date-fns';
import { isLive, type Action, type Session } from '../../shared/model';
import type { NotificationTarget } from '../../shared/ipc';
import { sessionTypeLabels } from '../features/labels';
import type { QuietHours, ReminderKind, ReminderSettings } from './reminder-settings';

export const SESSION_SOON_MINUTES = 10;

export type Reminder = {
  /** Names the occasion, so the same reminder is never raised twice. */
  key: string;
  kind: ReminderKind;
  title: string;
  body: string;
  target: NotificationTarget;
};

export type ReminderRecords = {
  /** Sessions dated from yesterday to tomorrow at least, in the trash or not. */
  sessions: readonly Session[];
  /**
   * Unfinished actions due today, and the actions of yesterday's sessions, in the trash or not; one
   * may be listed twice.
   */
  actions: readonly Action[];
  participantName: (participantId: string) => string;
};

type DueInput = ReminderRecords & {
  now: Date;
  settings: ReminderSettings;
  /** The keys of the reminders already raised. */
  shown: ReadonlySet<string>;
  /** While the app is locked a reminder names no one: the screen may be in front of anyone. */
  locked?: boolean;
};

const calendarDay = (date: Date) => format(date, 'yyyy-MM-dd');
const startOf = (session: Pick<Session, 'date' | 'startTime'>, now: Date) =>
  parse(`${session.date} ${session.startTime}`, 'yyyy-MM-dd HH:mm', now);

/** Whether `now` falls in the quiet hours; from 20:00 to 08:00 wraps midnight. */
export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  if (!quiet.enabled) return false;
  const time = format(now, 'HH:mm');
  return quiet.from < quiet.to ? time >= quiet.from && time < quiet.to : time >= quiet.from || time < quiet.to;
}

function sessionsStartingSoon({ sessions, participantName, now, locked }: DueInput): Reminder[] {
  const horizon = addMinutes(now, SESSION_SOON_MINUTES);
  return sessions
    .filter((session) => isLive(session) && session.status === 'planned')
    .filter((session) => {
      const start = startOf(session, now);
      return isAfter(start, now) && !isAfter(start, horizon);
    })
    .map((session) => ({
      key: `session-soon:${session.id}:${session.date}T${session.startTime}`,
      kind: 'session-soon',
      title: `${locked ? 'A session' : participantName(session.participantId)} at ${session.startTime}`,
      body: `${sessionTypeLabels[session.type]} session in ${SESSION_SOON_MINUTES} minutes or less. Open it for the prep card.`,
      target: { section: 'today', id: session.id },
    }));
}

function actionsDueToday({ actions, now }: DueInput): Reminder[] {
  const today = calendarDay(now);
  const dueToday = actions.filter(
    (action) => isLive(action) && action.dueDate === today && (action.status === 'open' || action.status === 'blocked'),
  );
  // By id: the caller may list an action twice (due today, and of yesterday's session).
  const count = new Set(dueToday.map((action) => action.id)).size;
  if (count === 0) return [];
  return [
    {
      key: `actions-due:${today}`,
      kind: 'actions-due',
      title: count === 1 ? '1 action due today' : `${count} actions due today`,
      body: 'See them on Today.',
      target: { section: 'today', id: null },
    },
  ];
}

function sessionsWithoutAction({ sessions, actions, participantName, now, locked }: DueInput): Reminder[] {
  const yesterday = calendarDay(subDays(now, 1));
  const withAction = new Set(actions.filter(isLive).map((action) => action.sessionId));
  return sessions
    .filter(
      (session) =>
        isLive(session) && session.status !== 'planned' && session.date === yesterday && !withAction.has(session.id),
    )
    .map((session) => ({
      key: `no-action-yet:${session.id}`,
      kind: 'no-action-yet',
      title: locked
        ? 'No action yet from yesterday’s session'
        : `No action yet from ${participantName(session.participantId)}’s session`,
      body: `${sessionTypeLabels[session.type]} session yesterday at ${session.startTime}. The 24-hour rule asks for one action; log it while it is fresh.`,
      target: { section: 'sessions', id: session.id },
    }));
}

const finders: Record<ReminderKind, (input: DueInput) => Reminder[]> = {
  'session-soon': sessionsStartingSoon,
  'actions-due': actionsDueToday,
  'no-action-yet': sessionsWithoutAction,
};

/** The reminders to raise now: none when reminders are off or in quiet hours, and none already shown. */
export function dueReminders(input: DueInput): Reminder[] {
  const { settings, now, shown } = input;
  if (!settings.enabled || inQuietHours(now, settings.quietHours)) return [];
  return (Object.keys(finders) as ReminderKind[])
    .filter((kind) => settings.kinds[kind])
    .flatMap((kind) => finders[kind](input))
    .filter((reminder) => !shown.has(reminder.key));
}
