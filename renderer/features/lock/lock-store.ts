// Whether the app is locked, shared by the lock gate, the lock screen, Settings → App lock and
// the "Lock now" command. Locking first writes every pending edit, then the gate unmounts the app,
// and once those writes are stored the data key is forgotten: until the passcode is entered again
// nothing in this window can read the notes (notes-key.ts).
import { create } from 'zustand';
import { repositories } from '../../db/instance';
import { flushAllPendingSaves, useSaveStatus } from '../../components/autosave';
import { showToast } from '../../components/toasts';
import { navigate } from '../../navigation';
import { readLockConfig, writeLockConfig, type LockConfig } from './lock-config';
import { verifyPasscode } from './passcode';
import { forgetNotesKey, openNotesWithPasscode, protectNotesWithDevice, protectNotesWithPasscode } from './notes-key';
import { clearUnlockAttempts, pauseLeft, readUnlockAttempts, recordWrongPasscode } from './unlock-attempts';

export type LockStatus = 'loading' | 'off' | 'unlocked' | 'locked';

type LockState = {
  status: LockStatus;
  config: LockConfig | null;
  /** While locked: when the pause after too many wrong passcodes ends (0: no pause). */
  pausedUntil: number;
};

export const useLock = create<LockState>(() => ({ status: 'loading', config: null, pausedUntil: 0 }));

/** At start, once, before the lock gate renders: a configured lock starts locked, so restarting
 * the app never gets past it, and a pause that was running goes on. Gives back the settings read,
 * for the rest of start-up. */
export async function loadLock(now = Date.now()): Promise<LockConfig | null> {
  const config = await readLockConfig(repositories.settings);
  const pause = config ? pauseLeft(await readUnlockAttempts(repositories.settings, now), now) : 0;
  useLock.setState({ config, status: config ? 'locked' : 'off', pausedUntil: pause ? now + pause : 0 });
  return config;
}

export function lockNow(): void {
  const { config } = useLock.getState();
  if (!config) {
    navigate('settings');
    showToast({ message: 'Set a passcode under App lock first, then Followthrough can lock.' });
    return;
  }
  flushAllPendingSaves();
  (document.activeElement as HTMLElement | null)?.blur();
  useLock.setState({ status: 'locked' });
  void whenEditsStored().then(() => {
    if (useLock.getState().status === 'locked') forgetNotesKey();
  });
}

/** Resolves once no edit is waiting or being written. */
function whenEditsStored(): Promise<void> {
  const stored = ({ waiting, pending }: { waiting: number; pending: number }) => waiting + pending === 0;
  if (stored(useSaveStatus.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useSaveStatus.subscribe((status) => {
      if (!stored(status)) return;
      stop();
      resolve();
    });
  });
}

export type UnlockResult = { outcome: 'opened' } | { outcome: 'wrong' } | { outcome: 'paused'; until: number };

/** Checks a passcode, unless a pause after wrong ones is running; five wrong in a row pause. */
export async function unlock(passcode: string, now = Date.now()): Promise<UnlockResult> {
  const { config } = useLock.getState();
  const pause = pauseLeft(await readUnlockAttempts(repositories.settings, now), now);
  if (pause > 0) return paused(now + pause);
  if (!config || !(await verifyPasscode(passcode, config.passcode))) {
    const attempts = await recordWrongPasscode(repositories.settings, now);
    return attempts.pausedUntil > now ? paused(attempts.pausedUntil) : { outcome: 'wrong' };
  }
  await clearUnlockAttempts(repositories.settings);
  const opened = await openNotesWithPasscode(passcode);
  if (opened.state !== 'open')
    throw new Error(opened.state === 'key-lost' ? opened.reason : 'the notes’ key did not open');
  useLock.setState({ status: 'unlocked', pausedUntil: 0 });
  return { outcome: 'opened' };
}

function paused(until: number): UnlockResult {
  useLock.setState({ pausedUntil: until });
  return { outcome: 'paused', until };
}

/**
 * Changes the lock's settings. With a new passcode, from now on only it opens the data key; with
 * no config the lock goes off and the keychain keeps the key again (or, where it cannot, this
 * throws why and the lock stays on).
 */
export async function saveLockConfig(config: LockConfig | null, newPasscode?: string): Promise<void> {
  const write = () => writeLockConfig(repositories.settings, config);
  if (config && newPasscode) await protectNotesWithPasscode(newPasscode, write);
  else if (config) await write();
  else {
    const problem = await protectNotesWithDevice(write);
    if (problem) throw new Error(problem);
  }
  useLock.setState({ config, status: config ? 'unlocked' : 'off' });
}
