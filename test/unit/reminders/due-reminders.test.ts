// The scheduler: which reminders are due at a given minute, given the records, the coach's choices
// and what was already shown. Times are local, as the coach's wall clock reads them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { privateFields } from '../../../shared/model';
import { dueReminders, inQuietHours } from '../../../renderer/reminders/due-reminders';
import type { ReminderKind, ReminderSettings } from '../../../renderer/reminders/reminder-settings';
import { action, amaraId, remindersOn, session } from './reminder-records';

// Monday 7 December 2026, 09:50 local time.
const now = new Date(2026, 11, 7, 9, 50);
const participantName = (id: string) => (id === amaraId ? 'Amara Okafor' : 'Someone else');

function due(
  records: { sessions?: ReturnType<typeof session>[]; actions?: ReturnType<typeof action>[] },
  options: { at?: Date; settings?: ReminderSettings; shown?: string[]; locked?: boolean } = {},
) {
  return dueReminders({
    now: options.at ?? now,
    sessions: records.sessions ?? [],
    actions: records.actions ?? [],
    participantName,
    settings: options.settings ?? remindersOn,
    shown: new Set(options.shown ?? []),
    locked: options.locked,
  });
}

const withKind = (kind: ReminderKind, on: boolean): ReminderSettings => ({
  ...remindersOn,
  kinds: { ...remindersOn.kinds, [kind]: on },
});

describe('a planned session about to start', () => {
  it('is due from ten minutes before its start until it starts, and names who, when and what kind', () => {
    const planned = session({ date: '2026-12-07', startTime: '10:00', type: 'peer-circle' });
    const at = (hours: number, minutes: number, seconds = 0) => new Date(2026, 11, 7, hours, minutes, seconds);
    expect(due({ sessions: [planned] }, { at: at(9, 49, 59) })).toEqual([]);
    const [reminder, ...others] = due({ sessions: [planned] }, { at: at(9, 50) });
    expect(others).toEqual([]);
    expect(reminder).toMatchObject({
      kind: 'session-soon',
      title: 'Amara Okafor at 10:00',
      body: expect.stringContaining('Peer circle session in 10 minutes'),
      target: { section: 'today', id: planned.id },
    });
    expect(due({ sessions: [planned] }, { at: at(9, 59, 59) })).toHaveLength(1);
    expect(due({ sessions: [planned] }, { at: at(10, 0) })).toEqual([]);
  });

  it('crosses midnight: a session at 00:05 is due at 23:55 the day before', () => {
    const planned = session({ date: '2026-12-08', startTime: '00:05' });
    const quietOff = { ...remindersOn, quietHours: { ...remindersOn.quietHours, enabled: false } };
    expect(due({ sessions: [planned] }, { at: new Date(2026, 11, 7, 23, 55), settings: quietOff })).toHaveLength(1);
  });

  it('is not raised for a session already held, in the trash, or moved to another day', () => {
    const sessions = [
      session({ date: '2026-12-07', startTime: '10:00', status: 'draft' }),
      session({ date: '2026-12-07', startTime: '10:00', deletedAt: 1 }),
      session({ date: '2026-12-08', startTime: '10:00' }),
    ];
    expect(due({ sessions })).toEqual([]);
  });

  it('is raised again when the session is moved to a new time', () => {
    const planned = session({ date: '2026-12-07', startTime: '10:00' });
    const [first] = due({ sessions: [planned] });
    const moved = { ...planned, startTime: '11:00' };
    expect(due({ sessions: [moved] }, { at: new Date(2026, 11, 7, 10, 55), shown: [first.key] })).toHaveLength(1);
  });
});

describe('actions due today', () => {
  it('raises one reminder with the count of unfinished actions due today, not one per action', () => {
    const actions = [
      action({ dueDate: '2026-12-07' }),
      action({ dueDate: '2026-12-07', status: 'blocked' }),
      action({ dueDate: '2026-12-07', status: 'done' }),
      action({ dueDate: '2026-12-07', deletedAt: 1 }),
      action({ dueDate: '2026-12-06' }),
      action({ dueDate: '2026-12-08' }),
    ];
    expect(due({ actions })).toEqual([
      {
        key: 'actions-due:2026-12-07',
        kind: 'actions-due',
        title: '2 actions due today',
        body: 'See them on Today.',
        target: { section: 'today', id: null },
      },
    ]);
    expect(due({ actions: actions.slice(0, 1) })[0].title).toBe('1 action due today');
  });

  it('counts an action listed twice once', () => {
    const twice = action({ dueDate: '2026-12-07' });
    expect(due({ actions: [twice, twice] })[0].title).toBe('1 action due today');
  });
});

describe('the 24-hour rule', () => {
  it('reminds of a session held yesterday with no action yet, and opens that session', () => {
    const held = session({ date: '2026-12-06', startTime: '14:00', status: 'complete' });
    expect(due({ sessions: [held] })).toMatchObject([
      {
        kind: 'no-action-yet',
        title: 'No action yet from Amara Okafor’s session',
        body: expect.stringContaining('yesterday at 14:00'),
        target: { section: 'sessions', id: held.id },
      },
    ]);
  });

  it('says nothing once the session has an action, nor for older or planned sessions', () => {
    const held = session({ date: '2026-12-06', startTime: '14:00', status: 'draft' });
    const older = session({ date: '2026-12-05', startTime: '14:00', status: 'complete' });
    const plannedYesterday = session({ date: '2026-12-06', startTime: '14:00' });
    expect(due({ sessions: [held, older, plannedYesterday], actions: [action({ sessionId: held.id })] })).toEqual([]);
  });

  it('still reminds when the only action of the session is in the trash', () => {
    const held = session({ date: '2026-12-06', startTime: '14:00', status: 'draft' });
    expect(due({ sessions: [held], actions: [action({ sessionId: held.id, deletedAt: 1 })] })).toHaveLength(1);
  });
});

describe('the coach’s choices', () => {
  const everything = {
    sessions: [
      session({ date: '2026-12-07', startTime: '10:00' }),
      session({ date: '2026-12-06', startTime: '14:00', status: 'complete' }),
    ],
    actions: [action({ dueDate: '2026-12-07' })],
  };

  it('raises each kind only while it is switched on', () => {
    expect(due(everything).map((reminder) => reminder.kind)).toEqual(['session-soon', 'actions-due', 'no-action-yet']);
    for (const kind of ['session-soon', 'actions-due', 'no-action-yet'] as const) {
      const kinds = due(everything, { settings: withKind(kind, false) }).map((reminder) => reminder.kind);
      expect(kinds).toHaveLength(2);
      expect(kinds).not.toContain(kind);
    }
  });

  it('raises nothing while reminders are off', () => {
    expect(due(everything, { settings: { ...remindersOn, enabled: false } })).toEqual([]);
  });

  it('raises each reminder once: what was shown is not raised again', () => {
    const first = due(everything);
    expect(due(everything, { shown: first.map((reminder) => reminder.key) })).toEqual([]);
    expect(due(everything, { shown: [first[1].key] }).map((reminder) => reminder.kind)).toEqual([
      'session-soon',
      'no-action-yet',
    ]);
  });

  it('raises nothing in quiet hours that wrap midnight, and everything outside them', () => {
    const quiet = { ...remindersOn, quietHours: { enabled: true, from: '20:00', to: '08:00' } };
    const at = (day: number, hours: number, minutes: number) => new Date(2026, 11, day, hours, minutes);
    const lateSession = session({ date: '2026-12-07', startTime: '22:00' });
    const earlySession = session({ date: '2026-12-08', startTime: '07:55' });
    const morningSession = session({ date: '2026-12-08', startTime: '08:05' });
    const sessions = [lateSession, earlySession, morningSession];
    expect(due({ sessions }, { at: at(7, 21, 55), settings: quiet })).toEqual([]);
    expect(due({ sessions }, { at: at(8, 7, 50), settings: quiet })).toEqual([]);
    expect(due({ sessions }, { at: at(8, 8, 0), settings: quiet }).map((r) => r.target.id)).toEqual([
      morningSession.id,
    ]);
    const noQuiet = { ...quiet, quietHours: { ...quiet.quietHours, enabled: false } };
    expect(due({ sessions }, { at: at(7, 21, 55), settings: noQuiet })).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  const at = (hours: number, minutes: number) => new Date(2026, 11, 7, hours, minutes);
  it('wrap midnight when they start later than they end: the start is in, the end is out', () => {
    const night = { enabled: true, from: '20:00', to: '08:00' };
    expect(
      [at(19, 59), at(20, 0), at(23, 59), at(0, 0), at(7, 59), at(8, 0)].map((t) => inQuietHours(t, night)),
    ).toEqual([false, true, true, true, true, false]);
  });

  it('lie within the day when they start earlier than they end', () => {
    const lunch = { enabled: true, from: '12:00', to: '13:30' };
    expect([at(11, 59), at(12, 0), at(13, 29), at(13, 30)].map((t) => inQuietHours(t, lunch))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('never apply when switched off', () => {
    expect(inQuietHours(at(22, 0), { enabled: false, from: '20:00', to: '08:00' })).toBe(false);
  });
});

describe('what a reminder may say', () => {
  it('names no one while the app is locked', () => {
    const sessions = [
      session({ date: '2026-12-07', startTime: '10:00' }),
      session({ date: '2026-12-06', startTime: '14:00', status: 'complete' }),
    ];
    const reminders = due({ sessions }, { locked: true });
    expect(reminders.map(({ title }) => title)).toEqual([
      'A session at 10:00',
      'No action yet from yesterday’s session',
    ]);
    expect(JSON.stringify(reminders)).not.toContain('Amara');
  });

  // Every field that holds what was said: the model's private fields, the Will, and the actions' own text.
  const sessionTextFields = [...privateFields.session, 'will'] as const;
  const actionTextFields = ['text', 'verification', 'blockedReason', 'owner'] as const;
  const marked = (field: string) => fc.string({ minLength: 1, maxLength: 20 }).map((text) => `«${field}:${text}»`);
  const sessionText = fc.record(Object.fromEntries(sessionTextFields.map((field) => [field, marked(field)])));
  const actionText = fc.record(Object.fromEntries(actionTextFields.map((field) => [field, marked(field)])));

  it('never holds a private field, the Will or an action’s text, whatever they say', () => {
    fc.assert(
      fc.property(
        fc.array(sessionText, { minLength: 1, maxLength: 4 }),
        fc.array(actionText, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (sessionTexts, actionTexts, minutesAway) => {
          const start = new Date(now.getTime() + minutesAway * 60_000);
          const startTime = `${String(start.getHours()).padStart(2, '0')}:${String(start.getMinutes()).padStart(2, '0')}`;
          const sessions = sessionTexts.flatMap((texts) => [
            session({ ...texts, date: '2026-12-07', startTime }),
            session({ ...texts, date: '2026-12-06', startTime: '15:00', status: 'complete' }),
          ]);
          const actions = actionTexts.map((texts) => action({ ...texts, dueDate: '2026-12-07' }));
          const reminders = due({ sessions, actions });
          expect(new Set(reminders.map((reminder) => reminder.kind))).toEqual(
            new Set(['session-soon', 'actions-due', 'no-action-yet']),
          );
          const shown = reminders.map((reminder) => `${reminder.title}\n${reminder.body}`).join('\n');
          expect(shown).not.toContain('«');
        },
      ),
    );
  });
});
