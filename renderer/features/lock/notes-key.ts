// The app's side of encryption at rest: opens the data key at start (or at unlock), moves it
// between the keychain and the passcode as the app lock is turned on and off, forgets it on lock,
// and keeps what Settings and the start screen say about it.
import { create } from 'zustand';
import { createLogger } from '../../../shared/logger';
import { errorMessage } from '../../../shared/result';
// eslint-disable-next-line no-restricted-imports -- the data key belongs to the database itself, not to its records
import { database, repositories } from '../../db/instance';
import {
  openAtStart,
  openWithPasscode,
  protectWithDevice,
  protectWithPasscode,
  type Protection,
  type ProtectionDeps,
} from '../../db/encryption/data-protection';
import { platform } from '../../platform';

export const useNotesProtection = create<{ protection: Protection | null }>(() => ({ protection: null }));

const backUpFirst = async () => {
  const [{ writeBackup }, { appBackupDeps }] = await Promise.all([
    import('../../backup/backup-service'),
    import('../privacy/backup-deps'),
  ]);
  const written = await writeBackup(database, 'pre-upgrade', appBackupDeps);
  if (!written.ok) throw new Error(`the backup made before encrypting your notes failed: ${written.error}`);
};

const deps: ProtectionDeps = { db: database, settings: repositories.settings, secrets: platform, backUpFirst };

const log = createLogger('encryption');

function settle(protection: Protection): Protection {
  if (protection.state === 'unprotected' || protection.state === 'key-lost')
    log.warn(protection.state, protection.reason);
  useNotesProtection.setState({ protection });
  return protection;
}

const failed = (error: unknown): Protection => ({
  state: 'key-lost',
  reason: `Your notes could not be opened: ${errorMessage(error)}`,
});

/**
 * `backedUp`: the data was backed up moments ago, before a schema upgrade; once is enough.
 * `onSealing`: the one-time sealing of a stored database begins, for the page to say so.
 */
export const openNotesAtStart = (lockOn: boolean, backedUp: boolean, onSealing: () => void): Promise<Protection> =>
  openAtStart({ ...deps, onSealing, ...(backedUp ? { backUpFirst: async () => undefined } : {}) }, lockOn)
    .catch(failed)
    .then(settle);

export const openNotesWithPasscode = (passcode: string): Promise<Protection> =>
  openWithPasscode(deps, passcode).catch(failed).then(settle);

export async function protectNotesWithPasscode(passcode: string, alongside: () => Promise<void>): Promise<void> {
  await protectWithPasscode(deps, passcode, alongside);
  settle({ state: 'open', by: 'passcode' });
}

/** Null when done, else why the lock must stay on. */
export async function protectNotesWithDevice(alongside: () => Promise<void>): Promise<string | null> {
  const problem = await protectWithDevice(deps, alongside);
  if (!problem) settle({ state: 'open', by: 'device' });
  return problem;
}

export const forgetNotesKey = () => database.keyring.forget();
