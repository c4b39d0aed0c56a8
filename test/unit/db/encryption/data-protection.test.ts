// The data key's life on one computer: made and sealed in at the first start, kept by the keychain
// or by the passcode, refused while locked, moved when the lock is turned on and off.
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { FollowthroughDatabase } from '../../../../renderer/db/database';
import { createRepositories } from '../../../../renderer/db/repositories';
import {
  openAtStart,
  openWithPasscode,
  protectWithDevice,
  protectWithPasscode,
  type ProtectionDeps,
} from '../../../../renderer/db/encryption/data-protection';
import { DATA_KEY_SETTING, DEVICE_SECRET, readCustody } from '../../../../renderer/db/encryption/data-key-custody';
import { DataLockedError } from '../../../../renderer/db/encryption/keyring';
import { SEALED } from '../../../../renderer/db/encryption/record-seal';
import { fakeSecrets } from './fake-secrets';
import { participantWithSession } from '../test-database';

const FAST_ITERATIONS = 100_000;
vi.mock('../../../../renderer/features/lock/passcode', () => ({ PBKDF2_ITERATIONS: 100_000 }));

/** The app as it starts on one computer: a database without a key yet, over `name`. */
function startApp(name: string, secrets: ProtectionDeps['secrets'], backUpFirst = vi.fn(async () => undefined)) {
  const db = new FollowthroughDatabase(name);
  const repos = createRepositories(db);
  const deps: ProtectionDeps = { db, settings: repos.settings, secrets, backUpFirst };
  return { db, repos, deps, backUpFirst };
}

/** A database an older release wrote: everything in clear. */
async function olderReleaseDatabase(reality: string) {
  const name = `protection-${crypto.randomUUID()}`;
  const older = new FollowthroughDatabase(name);
  const { session } = await participantWithSession(createRepositories(older), { name: 'Amara Okafor' });
  await createRepositories(older).sessions.update(session.id, { reality });
  older.close();
  return { name, sessionId: session.id };
}

async function storedSession(name: string, id: string) {
  const raw = new Dexie(name);
  await raw.open();
  const row = (await raw.table('sessions').get(id)) as Record<string, unknown>;
  raw.close();
  return row;
}

describe('the data key on this computer', () => {
  it('seals an older database at the first start, after a backup, with the key in the keychain only', async () => {
    const { name, sessionId } = await olderReleaseDatabase('the team waits for decisions');
    const { secrets, held } = fakeSecrets();
    const app = startApp(name, secrets);

    expect(await openAtStart(app.deps, false)).toEqual({ state: 'open', by: 'device' });
    expect(app.backUpFirst).toHaveBeenCalledOnce();
    const stored = await storedSession(name, sessionId);
    expect(stored).not.toHaveProperty('reality');
    expect(stored[SEALED]).toBeInstanceOf(Uint8Array);
    expect(held.has(DEVICE_SECRET)).toBe(true);
    const custody = JSON.stringify(await app.repos.settings.value(DATA_KEY_SETTING));
    expect(custody).not.toContain(held.get(DEVICE_SECRET));
    app.db.close();

    const restarted = startApp(name, secrets);
    expect(await openAtStart(restarted.deps, false)).toEqual({ state: 'open', by: 'device' });
    expect(restarted.backUpFirst).not.toHaveBeenCalled();
    expect((await restarted.repos.sessions.get(sessionId))?.reality).toBe('the team waits for decisions');
    restarted.db.close();
  });

  it('on a new install, with nothing to seal yet, makes no backup and shows no sealing', async () => {
    const { secrets } = fakeSecrets();
    const app = startApp(`protection-${crypto.randomUUID()}`, secrets);
    const onSealing = vi.fn();

    expect(await openAtStart({ ...app.deps, onSealing }, false)).toEqual({ state: 'open', by: 'device' });
    expect(app.backUpFirst).not.toHaveBeenCalled();
    expect(onSealing).not.toHaveBeenCalled();
    expect((await readCustody(app.repos.settings))?.sealedAll).toBe(true);
    // What the coach writes from the first minute is sealed.
    const { session } = await participantWithSession(app.repos, { name: 'Amara Okafor' });
    await app.repos.sessions.update(session.id, { reality: 'first notes' });
    expect(await storedSession(app.db.name, session.id)).not.toHaveProperty('reality');
    app.db.close();
  });

  it('does not seal what is stored when the backup before it fails, says why, and does at the next start', async () => {
    const { name, sessionId } = await olderReleaseDatabase('kept in clear until a backup exists');
    const { secrets } = fakeSecrets();
    const app = startApp(
      name,
      secrets,
      vi.fn(async () => Promise.reject(new Error('the disk is full'))),
    );
    expect(await openAtStart(app.deps, false)).toEqual({
      state: 'unprotected',
      reason: 'the notes already stored will be encrypted once they can be backed up first (the disk is full)',
    });
    expect(await storedSession(name, sessionId)).toHaveProperty('reality', 'kept in clear until a backup exists');
    expect((await app.repos.sessions.get(sessionId))?.reality).toBe('kept in clear until a backup exists');
    app.db.close();

    const restarted = startApp(name, secrets);
    expect(await openAtStart(restarted.deps, false)).toEqual({ state: 'open', by: 'device' });
    expect(await storedSession(name, sessionId)).not.toHaveProperty('reality');
    restarted.db.close();
  });

  it('leaves the notes in clear, and says why, where the computer cannot keep the key and no passcode is set', async () => {
    const { name, sessionId } = await olderReleaseDatabase('no keychain here');
    const app = startApp(name, fakeSecrets({ keychain: false }).secrets);
    expect(await openAtStart(app.deps, false)).toEqual({
      state: 'unprotected',
      reason: 'Secrets cannot be stored safely: no system keyring is running',
    });
    expect((await app.repos.sessions.get(sessionId))?.reality).toBe('no keychain here');
    app.db.close();
  });

  it('with a passcode, takes the key from the keychain, refuses reads until unlocked, and opens only with it', async () => {
    const { name, sessionId } = await olderReleaseDatabase('only with the passcode');
    const { secrets, held } = fakeSecrets();
    const app = startApp(name, secrets);
    await openAtStart(app.deps, false);
    await protectWithPasscode(app.deps, 'correct horse', async () => undefined);
    expect(held.has(DEVICE_SECRET)).toBe(false);
    expect((await readCustody(app.repos.settings))?.protection).toMatchObject({
      by: 'passcode',
      iterations: FAST_ITERATIONS,
    });
    app.db.close();

    const restarted = startApp(name, secrets);
    expect(await openAtStart(restarted.deps, true)).toEqual({ state: 'waiting-for-passcode' });
    await expect(restarted.repos.sessions.get(sessionId)).rejects.toBeInstanceOf(DataLockedError);
    await expect(restarted.repos.sessions.update(sessionId, { notes: 'typed while locked' })).rejects.toBeInstanceOf(
      DataLockedError,
    );
    expect(await openWithPasscode(restarted.deps, 'wrong guess')).toMatchObject({ state: 'key-lost' });
    await expect(restarted.repos.sessions.get(sessionId)).rejects.toBeInstanceOf(DataLockedError);
    expect(await openWithPasscode(restarted.deps, 'correct horse')).toEqual({ state: 'open', by: 'passcode' });
    expect((await restarted.repos.sessions.get(sessionId))?.reality).toBe('only with the passcode');

    restarted.db.keyring.forget();
    await expect(restarted.repos.sessions.get(sessionId)).rejects.toBeInstanceOf(DataLockedError);
    restarted.db.close();
  });

  it('seals an older database that had a passcode at the first unlock', async () => {
    const { name, sessionId } = await olderReleaseDatabase('locked before encryption existed');
    const { secrets, held } = fakeSecrets();
    const app = startApp(name, secrets);
    expect(await openAtStart(app.deps, true)).toEqual({ state: 'waiting-for-passcode' });
    expect(await openWithPasscode(app.deps, 'correct horse')).toEqual({ state: 'open', by: 'passcode' });
    expect(app.backUpFirst).toHaveBeenCalledOnce();
    expect(held.size).toBe(0);
    expect(await storedSession(name, sessionId)).not.toHaveProperty('reality');
    expect((await app.repos.sessions.get(sessionId))?.reality).toBe('locked before encryption existed');
    app.db.close();
  });

  it('gives the key back to the keychain when the lock goes off, or keeps the lock on where it cannot', async () => {
    const { name, sessionId } = await olderReleaseDatabase('lock on, lock off');
    const keychain = fakeSecrets();
    const app = startApp(name, keychain.secrets);
    await openAtStart(app.deps, false);
    await protectWithPasscode(app.deps, 'correct horse', async () => undefined);

    const noKeychain = startApp(name, fakeSecrets({ keychain: false }).secrets);
    await openAtStart(noKeychain.deps, true);
    await openWithPasscode(noKeychain.deps, 'correct horse');
    expect(await protectWithDevice(noKeychain.deps, async () => undefined)).toMatch(
      /stay encrypted only while the lock is on/,
    );
    expect((await readCustody(noKeychain.repos.settings))?.protection.by).toBe('passcode');
    noKeychain.db.close();

    expect(await protectWithDevice(app.deps, async () => undefined)).toBeNull();
    expect(keychain.held.has(DEVICE_SECRET)).toBe(true);
    app.db.close();
    const restarted = startApp(name, keychain.secrets);
    expect(await openAtStart(restarted.deps, false)).toEqual({ state: 'open', by: 'device' });
    expect((await restarted.repos.sessions.get(sessionId))?.reality).toBe('lock on, lock off');
    restarted.db.close();
  });

  it('seals all or nothing: a migration that fails half-way leaves the database as it was', async () => {
    const { name, sessionId } = await olderReleaseDatabase('all or nothing');
    const app = startApp(name, fakeSecrets().secrets);
    await participantWithSession(app.repos, { name: 'Bilal Haddad' });
    // The very last write of the migration fails: everything before it must be undone.
    app.db.settings.hook('updating', (changes: object) => {
      if (JSON.stringify(changes).includes('sealedAll')) throw new Error('power cut');
      return undefined;
    });
    await expect(openAtStart(app.deps, false)).rejects.toThrow('power cut');
    expect(await storedSession(name, sessionId)).toHaveProperty('reality', 'all or nothing');
    const raw = new Dexie(name);
    await raw.open();
    const rows = [...(await raw.table('sessions').toArray()), ...(await raw.table('participants').toArray())];
    raw.close();
    expect(rows.filter((row) => SEALED in row)).toEqual([]);
    app.db.close();
  });
});
