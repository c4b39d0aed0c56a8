// An erasure reaches the automatic backups: every backup that held the participant is rewritten
// without them, keeping its name and date, and restoring it no longer brings them back; backups
// made before the participant existed are left as they are; others' data in them stays whole.
import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { writeBackup } from '../../../renderer/backup/backup-service';
import { applyRestore, prepareRestore } from '../../../renderer/backup/restore';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { eraseFromBackups } from '../../../renderer/privacy/erase-from-backups';
import { memoryPlatform, testBackupKeys } from '../backup/backup-data';
import { decodeBackup } from '../../../renderer/backup/backup-format';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/db/database';

const openDatabase = databasePerTest();
/** A backup as text: its header line, then its records, opened with this computer's keys. */
async function text(bytes: Uint8Array, keys: ReturnType<typeof testBackupKeys>): Promise<string> {
  const decoded = await decodeBackup(bytes, { maxSchemaVersion: CURRENT_SCHEMA_VERSION, unlock: await keys.unlock() });
  if (!decoded.ok) throw new Error(decoded.error);
  return new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10))) + JSON.stringify(decoded.value.tables);
}

describe('erasing a participant from the automatic backups', () => {
  it('rewrites each backup that holds them, and a restore no longer brings them back', async () => {
    const { db, repos, clock } = openDatabase();
    const backups = memoryPlatform(clock);
    const keys = testBackupKeys(repos.settings);
    const deps = { platform: backups.platform, now: clock, keys };
    const bea = await repos.participants.create({ name: 'Bea Lindqvist', notes: 'Prefers Fridays' });
    await writeBackup(db, 'daily', deps);
    clock.advance(86_400_000);
    const amara = await repos.participants.create({ name: 'Amara Okafor', notes: 'Zyxwv reorganisation worries' });
    await repos.sessions.create({ participantId: amara.id, date: '2026-11-03', startTime: '09:00', goal: 'Qwertz' });
    await writeBackup(db, 'daily', deps);
    clock.advance(3_600_000);
    await writeBackup(db, 'manual', deps);
    const before = await backups.list();
    expect(before).toHaveLength(3);

    await eraseParticipant(db, amara.id, clock());
    const progress: string[] = [];
    const erased = await eraseFromBackups(amara.id, {
      platform: backups.platform,
      keyring: db.keyring,
      keys,
      onProgress: (done, of) => progress.push(`${done}/${of}`),
    });
    if (!erased.ok) throw new Error(erased.error);

    const names = (files: { name: string }[]) => files.map((file) => file.name).sort();
    expect(names(erased.value.rewritten)).toEqual(names(before.slice(0, 2)));
    expect(erased.value.failed).toEqual([]);
    expect(progress).toEqual(['0/3', '1/3', '2/3']);
    expect(names(await backups.list())).toEqual(names(before));
    for (const file of await backups.list()) {
      const bytes = await backups.platform.readBackup({ name: file.name });
      if (!bytes.ok) throw new Error(bytes.error);
      const content = await text(bytes.value, keys);
      for (const trace of [amara.id, 'Amara Okafor', 'Zyxwv', 'Qwertz']) expect(content).not.toContain(trace);
      expect(content).toContain('Prefers Fridays');
      expect(content).toContain(`"createdAt":"${new Date(file.createdAt).toISOString()}"`);

      const { db: fresh } = openDatabase();
      const plan = await prepareRestore(fresh, bytes.value, { unlock: await keys.unlock() });
      if (!plan.ok) throw new Error(plan.error);
      await applyRestore(fresh, plan.value);
      expect((await fresh.participants.toArray()).map((participant) => participant.id)).toEqual([bea.id]);
      fresh.close();
    }
  });

  it('names a backup it could not read, and goes on with the others', async () => {
    const { db, repos, clock } = openDatabase();
    const backups = memoryPlatform(clock);
    const keys = testBackupKeys(repos.settings);
    const amara = await repos.participants.create({ name: 'Amara Okafor' });
    await writeBackup(db, 'daily', { platform: backups.platform, now: clock, keys });
    clock.advance(3_600_000);
    await writeBackup(db, 'manual', { platform: backups.platform, now: clock, keys });
    const [newest, oldest] = await backups.list();
    const platform = {
      ...backups.platform,
      readBackup: async ({ name }: { name: string }) =>
        name === newest.name
          ? { ok: false as const, error: 'The disk could not be read' }
          : backups.platform.readBackup({ name }),
    };
    const erased = await eraseFromBackups(amara.id, { platform, keyring: db.keyring, keys });
    if (!erased.ok) throw new Error(erased.error);
    expect(erased.value.rewritten.map((file) => file.name)).toEqual([oldest.name]);
    expect(erased.value.failed).toEqual([{ file: newest, error: 'The disk could not be read' }]);
  });
});
