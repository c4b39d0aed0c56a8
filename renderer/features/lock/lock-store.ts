// Whether the app is locked, shared by the lock gate, the lock screen, Settings → App lock and
// the "Lock now" command. Locking first writes every pending edit, then the gate unmounts the app.
import { create } from 'zustand';
import { repositories } from '../../db/instance';
import { flushAllPendingSaves } from '../../components/autosave';
import { showToast } from '../../components/toasts';
import { navigate } from '../../navigation';
import { readLockConfig, writeLockConfig, type LockConfig } from './lock-config';
import { verifyPasscode } from './passcode';

export type LockStatus = 'loading' | 'off' | 'unlocked' | 'locked';

type LockState = { status: LockStatus; config: LockConfig | null };

export const useLock = create<LockState>(() => ({ status: 'loading', config: null }));

/** At start: a configured lock starts locked, so restarting the app never gets past it. */
export async function loadLock(): Promise<void> {
  const config = await readLockConfig(repositories.settings);
  useLock.setState({ config, status: config ? 'locked' : 'off' });
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
}

export async function unlock(passcode: string): Promise<boolean> {
  const { config } = useLock.getState();
  if (!config || !(await verifyPasscode(passcode, config.passcode))) return false;
  useLock.setState({ status: 'unlocked' });
  return true;
}

export async function saveLockConfig(config: LockConfig | null): Promise<void> {
  await writeLockConfig(repositories.settings, config);
  useLock.setState({ config, status: config ? 'unlocked' : 'off' });
}
