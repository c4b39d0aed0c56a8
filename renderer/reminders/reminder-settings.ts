// The coach's reminder choices, kept in the settings table: whether reminders are on at all, which
// kinds, and the quiet hours in which none is raised. Off until the coach turns them on, so a
// browser is never asked for permission unprompted.
import { z } from 'zod';
import type { SettingsRepository } from '../db/repositories';

export const REMINDER_SETTINGS = 'reminders';

export const reminderKinds = ['session-soon', 'actions-due', 'no-action-yet'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 20:00');

export const quietHoursSchema = z
  .object({ enabled: z.boolean(), from: clockTime, to: clockTime })
  .refine((quiet) => quiet.from !== quiet.to, {
    message: 'Quiet hours need an end different from their start',
    path: ['to'],
  });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const reminderSettingsSchema = z.object({
  enabled: z.boolean(),
  kinds: z.object({ 'session-soon': z.boolean(), 'actions-due': z.boolean(), 'no-action-yet': z.boolean() }),
  quietHours: quietHoursSchema,
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const defaultReminderSettings: ReminderSettings = {
  enabled: false,
  kinds: { 'session-soon': true, 'actions-due': true, 'no-action-yet': true },
  quietHours: { enabled: true, from: '20:00', to: '08:00' },
};

/** The stored choices; the defaults when none are stored or what is stored no longer parses. */
export function parseReminderSettings(stored: unknown): ReminderSettings {
  const parsed = reminderSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultReminderSettings;
}

export async function readReminderSettings(settings: SettingsRepository): Promise<ReminderSettings> {
  return parseReminderSettings(await settings.value(REMINDER_SETTINGS));
}

/** Applies `change` to the stored choices in one transaction; throws when the result does not parse. */
export function updateReminderSettings(
  settings: SettingsRepository,
  change: (current: ReminderSettings) => ReminderSettings,
): Promise<ReminderSettings> {
  return settings.update(REMINDER_SETTINGS, (stored) =>
    reminderSettingsSchema.parse(change(parseReminderSettings(stored))),
  );
}
