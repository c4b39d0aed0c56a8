// Raises the coach's reminders: reads what they depend on, asks dueReminders which to raise, and
// claims each in the settings table before showing it, so a restart or a second window never shows
// it again. Runs at start, every minute, and whenever the records it reads change.
import { liveQuery } from 'dexie';
import { addDays, format, subDays } from 'date-fns';
import { z } from 'zod';
import type { PlatformApi } from '../../shared/ipc';
import { createLogger } from '../../shared/logger';
import type { Repositories, SettingsRepository } from '../db/repositories';
import { navigate } from '../navigation';
import { dueReminders, type Reminder, type ReminderRecords } from './due-reminders';
import { readReminderSettings, type ReminderSettings } from './reminder-settings';

const log = createLogger('reminders');

export const SHOWN_REMINDERS = 'reminders.shown';
const CHECK_EVERY_MS = 60_000;
/** Long enough to cover every occasion a reminder names (yesterday's sessions, today's actions). */
const REMEMBER_SHOWN_MS = 3 * 24 * 60 * 60 * 1000;

const shownSchema = z.array(z.object({ key: z.string(), at: z.number() }));
type Shown = z.infer<typeof shownSchema>;

const parseShown = (stored: unknown): Shown => {
  const parsed = shownSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
};

type Snapshot = ReminderRecords & { settings: ReminderSettings; shown: ReadonlySet<string> };

const calendarDay = (date: Date) => format(date, 'yyyy-MM-dd');

export async function readReminderSnapshot(
  {
    sessions,
    actions,
    participants,
    settings,
  }: Pick<Repositories, 'sessions' | 'actions' | 'participants' | 'settings'>,
  now: Date,
): Promise<Snapshot> {
  const reminderSettings = await readReminderSettings(settings);
  // With reminders off nothing else is read, so nothing else re-runs this on a change.
  if (!reminderSettings.enabled) {
    return { sessions: [], actions: [], participantName: () => '', settings: reminderSettings, shown: new Set() };
  }
  const yesterday = calendarDay(subDays(now, 1));
  const [near, due, shown] = await Promise.all([
    // Tomorrow too: a session just after midnight is ten minutes away at 23:55.
    sessions.between(yesterday, calendarDay(addDays(now, 1)), 'oldest first'),
    actions.dueOn(calendarDay(now)),
    settings.value(SHOWN_REMINDERS).then(parseShown),
  ]);
  // Only the people of these few sessions: this runs again on every autosave of one of them.
  const [ofYesterday, people] = await Promise.all([
    actions.ofSessions(near.filter((session) => session.date === yesterday).map((session) => session.id)),
    Promise.all([...new Set(near.map((session) => session.participantId))].map((id) => participants.get(id))),
  ]);
  const names = new Map(people.filter((person) => person !== undefined).map((person) => [person.id, person.name]));
  return {
    sessions: near,
    actions: [...due, ...ofYesterday],
    participantName: (id) => names.get(id) ?? 'A participant',
    settings: reminderSettings,
    shown: new Set(shown.map(({ key }) => key)),
  };
}

/** Records the reminders as shown and returns the keys no one had claimed before. */
async function claim(settings: SettingsRepository, reminders: Reminder[], now: number): Promise<Set<string>> {
  const claimed = new Set<string>();
  await settings.update(SHOWN_REMINDERS, (stored) => {
    const kept = parseShown(stored).filter(({ at }) => now - at < REMEMBER_SHOWN_MS);
    const known = new Set(kept.map(({ key }) => key));
    for (const { key } of reminders) if (!known.has(key)) claimed.add(key);
    return [...kept, ...[...claimed].map((key) => ({ key, at: now }))];
  });
  return claimed;
}

type ReminderDeps = {
  repositories: Pick<Repositories, 'sessions' | 'actions' | 'participants' | 'settings'>;
  platform: Pick<PlatformApi, 'notificationPermission' | 'showNotification' | 'onNotificationClicked'>;
  now?: () => Date;
  /** Whether the app lock is on now. */
  locked?: () => boolean;
  /** Called after each check, raised or not. */
  onChecked?: () => void;
};

/**
 * Raises the reminders due now and returns them; none while notifications cannot show, so they
 * are raised once they can. `snapshot` saves a read when the caller has just made one.
 */
export async function raiseDueReminders(
  { repositories, platform, now = () => new Date(), locked = () => false }: ReminderDeps,
  snapshot?: Snapshot,
): Promise<Reminder[]> {
  const at = now();
  const records = snapshot ?? (await readReminderSnapshot(repositories, at));
  const due = dueReminders({ ...records, now: at, locked: locked() });
  if (due.length === 0) return [];
  const permission = await platform.notificationPermission({ ask: false });
  if (!permission.ok || permission.value !== 'granted') return [];
  const claimed = await claim(repositories.settings, due, at.getTime());
  const raised = due.filter(({ key }) => claimed.has(key));
  for (const { title, body, target } of raised) {
    const result = await platform.showNotification({ title, body, target });
    if (!result.ok) log.warn('A reminder could not be shown:', result.error);
  }
  return raised;
}

/** Starts raising reminders; the function it returns stops. */
export function startReminders(deps: ReminderDeps): () => void {
  const { repositories, platform, now = () => new Date() } = deps;
  let queue = Promise.resolve();
  // One check at a time, so two triggers in a row cannot both raise the same reminder.
  const check = (snapshot?: Snapshot) => {
    queue = queue
      .then(() => raiseDueReminders(deps, snapshot))
      .then(
        () => deps.onChecked?.(),
        (error: unknown) => log.error('Reminders could not be checked:', error),
      );
  };

  const changes = liveQuery(() => readReminderSnapshot(repositories, now())).subscribe({
    next: check,
    error: (error: unknown) => log.error('Reminders stopped following changes:', error),
  });
  const timer = setInterval(() => check(), CHECK_EVERY_MS);
  const stopListening = platform.onNotificationClicked(({ section, id }) => navigate(section, id));
  return () => {
    changes.unsubscribe();
    clearInterval(timer);
    stopListening();
  };
}
