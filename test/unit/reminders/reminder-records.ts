// Sessions and actions as the reminder scheduler reads them, built field by field for its tests.
import type { Action, Session } from '../../../shared/model';
import { newSessionFields } from '../../../renderer/db/sessions';
import { defaultReminderSettings, type ReminderSettings } from '../../../renderer/reminders/reminder-settings';

export const amaraId = '00000000-0000-4000-8000-00000000000a';

export function session(fields: Partial<Session> & Pick<Session, 'date' | 'startTime'>): Session {
  return {
    id: crypto.randomUUID(),
    createdAt: 0,
    updatedAt: 0,
    ...newSessionFields,
    participantId: amaraId,
    status: 'planned',
    ...fields,
  };
}

export function action(fields: Partial<Action>): Action {
  return {
    id: crypto.randomUUID(),
    createdAt: 0,
    updatedAt: 0,
    participantId: amaraId,
    sessionId: null,
    text: 'An action',
    owner: '',
    dueDate: null,
    verification: '',
    status: 'open',
    blockedReason: '',
    isExperiment: false,
    history: [{ status: 'open', at: 0, source: 'coach' }],
    ...fields,
  };
}

/** Reminders on, every kind on, quiet hours from 20:00 to 08:00. */
export const remindersOn: ReminderSettings = { ...defaultReminderSettings, enabled: true };
