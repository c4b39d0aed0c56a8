// The data key's life: made once, sealed into every record by one migration, kept by the device
// or by the passcode (data-key-custody.ts), given to the keyring at start or at unlock, moved
// between the two when the coach turns the app lock on or off.
import type { PlatformApi } from '../../../shared/ipc';
import { errorMessage } from '../../../shared/result';
import { toBase64, fromBase64 } from '../../base64';
import type { FollowthroughDatabase } from '../database';
import type { SettingsRepository } from '../repositories';
import {
  DATA_KEY_SETTING,
  DEVICE_SECRET,
  custodySchema,
  exportRaw,
  importRaw,
  readCustody,
  unwrapWithPasscode,
  wrapWithPasscode,
  writeCustody,
  type Custody,
} from './data-key-custody';
import { generateDataKey } from './keyring';
import { fieldsToSeal, sealedFields } from './sealed-fields';

export type ProtectionDeps = {
  db: FollowthroughDatabase;
  settings: SettingsRepository;
  secrets: Pick<PlatformApi, 'getSecret' | 'setSecret'>;
  /** Makes a backup of the database as it is, before the migration seals it. */
  backUpFirst: () => Promise<void>;
  /** Told when the one-time backup and sealing of a stored database begin (tens of seconds for years of notes). */
  onSealing?: () => void;
};

/** What the data layer can do after start-up, and what Settings says about it. */
export type Protection =
  | { state: 'open'; by: 'device' | 'passcode' }
  | { state: 'waiting-for-passcode' }
  | { state: 'unprotected'; reason: string }
  | { state: 'key-lost'; reason: string };

async function saveOnDevice(secrets: ProtectionDeps['secrets'], key: CryptoKey): Promise<string | null> {
  const saved = await secrets.setSecret({ key: DEVICE_SECRET, value: toBase64(await exportRaw(key)) });
  return saved.ok ? null : saved.error;
}

/** The data key the device keeps, or why it cannot be had. */
export async function readFromDevice(secrets: Pick<PlatformApi, 'getSecret'>): Promise<CryptoKey | string> {
  const read = await secrets.getSecret({ key: DEVICE_SECRET });
  // The store's own message speaks of sync's secrets; this one is about the notes.
  if (!read.ok || read.value === null) {
    return 'This computer no longer holds the key of your notes: its keychain, or this browser’s storage, was cleared or replaced';
  }
  return importRaw(fromBase64(read.value));
}

/**
 * Seals every record of the database in one IndexedDB transaction, so a crash leaves either the
 * database as it was or wholly sealed; the custody record says `sealedAll` in the same transaction.
 */
export async function sealEverything(db: FollowthroughDatabase, custody: Custody): Promise<void> {
  const tables = Object.keys(sealedFields).map((name) => db.table(name));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) {
      const records = await table.toArray();
      if (records.length > 0) await table.bulkPut(records);
    }
    await db.settings.put({ key: DATA_KEY_SETTING, value: custodySchema.parse({ ...custody, sealedAll: true }) });
  });
  db.keyring.startSealing();
}

/** Whether any record stored holds a field that would be sealed. */
async function holdsAnythingToSeal(db: FollowthroughDatabase): Promise<boolean> {
  for (const name of Object.keys(sealedFields)) {
    const found = await db
      .table(name)
      .filter((record: Record<string, unknown>) => fieldsToSeal(name, record).length > 0)
      .first();
    if (found) return true;
  }
  return false;
}

/** Opens the key; the first time, seals what is stored, unless no backup of it could be made first. */
async function openWith(deps: ProtectionDeps, key: CryptoKey, custody: Custody): Promise<Protection> {
  const by = custody.protection.by;
  deps.db.keyring.open(key);
  if (custody.sealedAll) {
    deps.db.keyring.startSealing();
    return { state: 'open', by };
  }
  if (!(await holdsAnythingToSeal(deps.db))) {
    // A new install: nothing to back up or wait for, and all that will be written is sealed.
    await sealEverything(deps.db, custody);
    return { state: 'open', by };
  }
  deps.onSealing?.();
  try {
    await deps.backUpFirst();
  } catch (error) {
    // What is written from now on is sealed; what is stored waits for the next start's backup.
    return {
      state: 'unprotected',
      reason: `the notes already stored will be encrypted once they can be backed up first (${errorMessage(error)})`,
    };
  }
  await sealEverything(deps.db, custody);
  return { state: 'open', by };
}

/** At start, before anything reads the notes. With the app lock on, the key waits for the passcode. */
export async function openAtStart(deps: ProtectionDeps, lockOn: boolean): Promise<Protection> {
  const custody = await readCustody(deps.settings);
  if (custody?.protection.by === 'passcode' || (!custody && lockOn)) {
    if (custody?.sealedAll) deps.db.keyring.startSealing();
    return { state: 'waiting-for-passcode' };
  }
  if (custody) {
    if (custody.sealedAll) deps.db.keyring.startSealing();
    const key = await readFromDevice(deps.secrets);
    if (typeof key === 'string') return { state: 'key-lost', reason: key };
    return openWith(deps, key, custody);
  }
  const key = await generateDataKey();
  const problem = await saveOnDevice(deps.secrets, key);
  if (problem) return { state: 'unprotected', reason: problem };
  const fresh: Custody = { sealedAll: false, protection: { by: 'device' } };
  await writeCustody(deps.settings, fresh);
  return openWith(deps, key, fresh);
}

/** The key kept wrapped by the passcode, the sealing as it was. */
const passcodeCustody = async (key: CryptoKey, passcode: string, was: Custody | null): Promise<Custody> => ({
  sealedAll: was?.sealedAll ?? false,
  protection: { by: 'passcode', ...(await wrapWithPasscode(key, passcode)) },
});

/** After the passcode was checked: opens the key it wraps (making and sealing one the first time). */
export async function openWithPasscode(deps: ProtectionDeps, passcode: string): Promise<Protection> {
  const custody = await readCustody(deps.settings);
  if (custody?.protection.by === 'passcode') {
    const key = await unwrapWithPasscode(custody.protection, passcode);
    if (!key) return { state: 'key-lost', reason: 'This passcode does not open the key of your notes' };
    return openWith(deps, key, custody);
  }
  // A database from before encryption, or one whose key the device kept: the passcode takes it over.
  const deviceKey = custody ? await readFromDevice(deps.secrets) : await generateDataKey();
  if (typeof deviceKey === 'string') return { state: 'key-lost', reason: deviceKey };
  const byPasscode = await passcodeCustody(deviceKey, passcode, custody);
  await writeCustody(deps.settings, byPasscode);
  if (custody) await forgetOnDevice(deps.secrets);
  return openWith(deps, deviceKey, byPasscode);
}

async function forgetOnDevice(secrets: ProtectionDeps['secrets']): Promise<void> {
  const forgotten = await secrets.setSecret({ key: DEVICE_SECRET, value: null });
  if (!forgotten.ok) throw new Error(`The key’s copy in the keychain could not be removed: ${forgotten.error}`);
}

/** The lock was turned on or its passcode changed: from now on only that passcode opens the key. */
export async function protectWithPasscode(
  deps: ProtectionDeps,
  passcode: string,
  alongside: () => Promise<void>,
): Promise<void> {
  const key = deps.db.keyring.key ?? (await generateDataKey());
  const custody = await readCustody(deps.settings);
  const byPasscode = await passcodeCustody(key, passcode, custody);
  await inOneTransaction(deps, () => writeCustody(deps.settings, byPasscode), alongside);
  if (custody?.protection.by === 'device') await forgetOnDevice(deps.secrets);
  if (!deps.db.keyring.key) await openWith(deps, key, byPasscode);
}

/** The custody and the lock's own setting change together, so a crash never leaves one without the other. */
const inOneTransaction = (deps: ProtectionDeps, ...writes: (() => Promise<unknown>)[]) =>
  deps.db.transaction('rw', deps.db.settings, async () => {
    for (const write of writes) await write();
  });

/** The lock was turned off: the keychain keeps the key again, or the lock must stay on. */
export async function protectWithDevice(deps: ProtectionDeps, alongside: () => Promise<void>): Promise<string | null> {
  const key = deps.db.keyring.key;
  if (!key) return 'Unlock Followthrough first';
  const problem = await saveOnDevice(deps.secrets, key);
  if (problem) {
    return `Your notes stay encrypted only while the lock is on, since this computer cannot keep their key safely (${problem}).`;
  }
  const custody = await readCustody(deps.settings);
  const byDevice: Custody = { sealedAll: custody?.sealedAll ?? false, protection: { by: 'device' } };
  await inOneTransaction(deps, () => writeCustody(deps.settings, byDevice), alongside);
  return null;
}
