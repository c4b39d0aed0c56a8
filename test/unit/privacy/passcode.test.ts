// The app lock's passcode is kept only as a salted PBKDF2 hash: the right passcode opens, any
// other does not, and neither the passcode nor anything derived from it without the salt is stored.
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import {
  hashPasscode,
  passcodeProblem,
  PBKDF2_ITERATIONS,
  verifyPasscode,
} from '../../../renderer/features/lock/passcode';
import { readLockConfig, writeLockConfig, LOCK_SETTING } from '../../../renderer/features/lock/lock-config';

describe('the app lock passcode', () => {
  it('is stored as a salted PBKDF2-SHA-256 hash that only the same passcode matches', async () => {
    const stored = await hashPasscode('correct horse');
    expect(stored).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(atob(stored.salt)).toHaveLength(16);
    expect(atob(stored.hash)).toHaveLength(32);
    expect(await verifyPasscode('correct horse', stored)).toBe(true);
    expect(await verifyPasscode('correct hors', stored)).toBe(false);
    expect(await verifyPasscode('Correct horse', stored)).toBe(false);
    expect(await verifyPasscode('', stored)).toBe(false);
  });

  it('gets a new salt each time, so two equal passcodes never share a hash', async () => {
    const [a, b] = await Promise.all([hashPasscode('correct horse'), hashPasscode('correct horse')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('is kept in settings without the passcode itself, and read back through its schema', async () => {
    const { db, repos } = openTestDatabase();
    await writeLockConfig(repos.settings, {
      passcode: await hashPasscode('correct horse'),
      idleMinutes: 5,
      hideContent: true,
    });
    const raw = JSON.stringify(await db.settings.get(LOCK_SETTING));
    expect(raw).not.toContain('correct horse');
    expect(raw).not.toContain(btoa('correct horse'));
    expect((await readLockConfig(repos.settings))?.idleMinutes).toBe(5);
    await db.settings.put({
      key: LOCK_SETTING,
      value: { passcode: 'correct horse', idleMinutes: 5, hideContent: true },
    });
    expect(await readLockConfig(repos.settings)).toBeNull();
    await writeLockConfig(repos.settings, null);
    expect(await db.settings.get(LOCK_SETTING)).toBeUndefined();
    await db.delete();
  });

  it('must be at least 6 characters', () => {
    expect(passcodeProblem('12345')).toBe('Use at least 6 characters');
    expect(passcodeProblem('123456')).toBeNull();
  });
});
