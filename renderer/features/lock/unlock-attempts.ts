// Wrong passcodes at the lock screen, counted in the database with the end of the pause they led
// to, so a reload or a restart does not hand a locked-out user five fresh tries. They are kept as
// a device setting beside the lock's own: the lock screen offers no way to clear them, only the
// right passcode does.
import { z } from 'zod';
import type { SettingsRepository } from '../../db/repositories';

const UNLOCK_ATTEMPTS_SETTING = 'lock-attempts';
export const TRIES_BEFORE_PAUSE = 5;
export const PAUSE_MS = 30_000;

const attemptsSchema = z.object({
  /** Wrong passcodes since the last pause or the last unlock. */
  wrong: z.number().int().min(0),
  /** When the pause after the last run of wrong passcodes ends (ms since the epoch); 0: none. */
  pausedUntil: z.number().min(0),
});
type UnlockAttempts = z.infer<typeof attemptsSchema>;

const noAttempts: UnlockAttempts = { wrong: 0, pausedUntil: 0 };

/** A stored value that does not parse counts as a pause just begun: failing closed, not open. */
export async function readUnlockAttempts(settings: SettingsRepository, now: number): Promise<UnlockAttempts> {
  return attemptsFrom(await settings.value(UNLOCK_ATTEMPTS_SETTING), now);
}

function attemptsFrom(stored: unknown, now: number): UnlockAttempts {
  if (stored === undefined) return noAttempts;
  const parsed = attemptsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { wrong: 0, pausedUntil: now + PAUSE_MS };
}

/** Milliseconds until the next try is allowed; never more than one pause, so a clock set back
 * cannot keep the coach out for longer. */
export function pauseLeft(attempts: UnlockAttempts, now: number): number {
  return Math.min(PAUSE_MS, Math.max(0, attempts.pausedUntil - now));
}

/** Counts one wrong passcode; the fifth in a row starts a pause. */
export async function recordWrongPasscode(settings: SettingsRepository, now: number): Promise<UnlockAttempts> {
  return settings.update(UNLOCK_ATTEMPTS_SETTING, (stored): UnlockAttempts => {
    const wrong = attemptsFrom(stored, now).wrong + 1;
    return wrong >= TRIES_BEFORE_PAUSE ? { wrong: 0, pausedUntil: now + PAUSE_MS } : { wrong, pausedUntil: 0 };
  });
}

export async function clearUnlockAttempts(settings: SettingsRepository): Promise<void> {
  await settings.remove(UNLOCK_ATTEMPTS_SETTING);
}
