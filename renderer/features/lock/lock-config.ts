// The app lock's settings, kept in the database as a device setting (a restore leaves it as it
// is): the passcode's hash, how many idle minutes lock the app (0: only on demand), and whether
// the window is hidden from screenshots and the task switcher. No stored config: no lock.
import { z } from 'zod';
import type { SettingsRepository } from '../../db/repositories';
import { passcodeHashSchema } from './passcode';

export const LOCK_SETTING = 'lock';
export const idleMinuteChoices = [0, 1, 5, 10, 15, 30, 60] as const;

export const lockConfigSchema = z.object({
  passcode: passcodeHashSchema,
  idleMinutes: z.number().int().min(0).max(240),
  hideContent: z.boolean(),
});
export type LockConfig = z.infer<typeof lockConfigSchema>;

export async function readLockConfig(settings: SettingsRepository): Promise<LockConfig | null> {
  const parsed = lockConfigSchema.safeParse(await settings.value(LOCK_SETTING));
  return parsed.success ? parsed.data : null;
}

export async function writeLockConfig(settings: SettingsRepository, config: LockConfig | null): Promise<void> {
  if (config) await settings.setValue(LOCK_SETTING, lockConfigSchema.parse(config));
  else await settings.remove(LOCK_SETTING);
}
