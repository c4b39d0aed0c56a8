// The lock's pause after five wrong passcodes holds across a reload: each "reload" here loads the
// lock's modules afresh (new in-memory state, a new handle on the same IndexedDB database).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPasscode } from '../../../renderer/features/lock/passcode';

/** The pause the lock screen promises after five wrong passcodes in a row. */
const PAUSE_MS = 30_000;

const start = Date.UTC(2026, 11, 7, 9, 0);

/** The lock as a freshly loaded page sees it, with a passcode set. */
async function reloadedLock(now: number) {
  vi.resetModules();
  const store = await import('../../../renderer/features/lock/lock-store');
  const { database, repositories } = await import('../../../renderer/db/instance');
  const { readLockConfig, writeLockConfig } = await import('../../../renderer/features/lock/lock-config');
  if (!(await readLockConfig(repositories.settings))) {
    await writeLockConfig(repositories.settings, {
      passcode: await hashPasscode('correct horse', 100_000),
      idleMinutes: 0,
      hideContent: false,
    });
  }
  await store.loadLock(now);
  return { ...store, database };
}

afterEach(async () => {
  const { database } = await import('../../../renderer/db/instance');
  await database.delete();
});

describe('the lock after wrong passcodes', () => {
  it('keeps the pause after five wrong passcodes across a reload, then opens once it is over', async () => {
    let lock = await reloadedLock(start);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await lock.unlock('wrong guess', start)).toEqual({ outcome: 'wrong' });
    }
    expect(await lock.unlock('wrong guess', start)).toEqual({ outcome: 'paused', until: start + PAUSE_MS });

    lock = await reloadedLock(start + 1_000);
    expect(lock.useLock.getState()).toMatchObject({ status: 'locked', pausedUntil: start + PAUSE_MS });
    expect(await lock.unlock('correct horse', start + 1_000)).toEqual({ outcome: 'paused', until: start + PAUSE_MS });
    expect(lock.useLock.getState().status).toBe('locked');

    expect(await lock.unlock('correct horse', start + PAUSE_MS)).toEqual({ outcome: 'opened' });
    expect(lock.useLock.getState().status).toBe('unlocked');
  });

  it('counts wrong passcodes across a reload, and the right one starts the count again', async () => {
    let lock = await reloadedLock(start);
    for (let attempt = 1; attempt <= 3; attempt += 1) await lock.unlock('wrong guess', start);
    lock = await reloadedLock(start);
    expect(await lock.unlock('wrong guess', start)).toEqual({ outcome: 'wrong' });
    expect(await lock.unlock('wrong guess', start)).toMatchObject({ outcome: 'paused' });

    const later = start + PAUSE_MS;
    expect(await lock.unlock('correct horse', later)).toEqual({ outcome: 'opened' });
    lock = await reloadedLock(later);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await lock.unlock('wrong guess', later)).toEqual({ outcome: 'wrong' });
    }
  });

  it('waits at most one pause when the clock was set back', async () => {
    const lock = await reloadedLock(start);
    for (let attempt = 1; attempt <= 5; attempt += 1) await lock.unlock('wrong guess', start);
    const setBack = start - 24 * 60 * 60 * 1000;
    expect(await lock.unlock('correct horse', setBack)).toEqual({ outcome: 'paused', until: setBack + PAUSE_MS });
  });
});
