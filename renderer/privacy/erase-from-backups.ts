// An erasure reaches the automatic backups too: each one that holds the participant is restored
// into a scratch database, the same erasure runs there, and the result is written over the
// backup, keeping its name and date. A backup that cannot be rewritten is named in the report,
// for the coach to delete. Files the coach exported are outside the app and are not touched.
import type { PlatformApi } from '../../shared/ipc';
import type { BackupFile } from '../../shared/backup-files';
import { errorMessage, fail, ok, type Result } from '../../shared/result';
import { FollowthroughDatabase } from '../db/database';
import type { Keyring } from '../db/encryption/keyring';
import { encodeDatabase, type BackupDeps } from '../backup/backup-service';
import type { BackupTables } from '../backup/backup-format';
import { applyRestore, prepareRestore } from '../backup/restore';
import { eraseParticipant } from './erase-participant';
import { discardErasureScratch, ERASURE_SCRATCH_DATABASE } from './erasure-scratch';

export type BackupsErasure = {
  rewritten: BackupFile[];
  /** Backups that still hold the participant, with why. */
  failed: { file: BackupFile; error: string }[];
};

type Deps = {
  platform: BackupDeps['platform'] & Pick<PlatformApi, 'readBackup' | 'replaceBackup'>;
  /** Opens the backups this computer made and seals the rewritten ones with its current key. */
  keys: BackupDeps['keys'];
  encode?: BackupDeps['encode'];
  /** The app database's: the scratch copy is sealed with the same key. */
  keyring: Keyring;
  onProgress?: (done: number, of: number) => void;
};

function holdsParticipant(tables: BackupTables, participantId: string): boolean {
  return Object.values(tables).some((records) =>
    records.some((record) => {
      const { id, participantId: owner } = record as { id?: unknown; participantId?: unknown };
      return id === participantId || owner === participantId;
    }),
  );
}

async function rewriteWithout(file: BackupFile, participantId: string, deps: Deps): Promise<Result<boolean>> {
  const bytes = await deps.platform.readBackup({ name: file.name });
  if (!bytes.ok) return bytes;
  await discardErasureScratch();
  const scratch = new FollowthroughDatabase(ERASURE_SCRATCH_DATABASE, deps.keyring);
  try {
    const plan = await prepareRestore(scratch, bytes.value, { unlock: { held: await deps.keys.held() } });
    if (!plan.ok) return plan;
    if (!holdsParticipant(plan.value.tables, participantId)) return ok(false);
    await applyRestore(scratch, plan.value);
    await eraseParticipant(scratch, participantId, Date.now());
    const createdAt = Date.parse(plan.value.header.createdAt);
    const data = await encodeDatabase(scratch, plan.value.header.kind, { ...deps, now: () => createdAt });
    const replaced = await deps.platform.replaceBackup({ name: file.name, data });
    return replaced.ok ? ok(true) : replaced;
  } finally {
    scratch.close();
    await discardErasureScratch();
  }
}

export async function eraseFromBackups(participantId: string, deps: Deps): Promise<Result<BackupsErasure>> {
  const listed = await deps.platform.listBackups();
  if (!listed.ok) return fail(`The backups could not be listed: ${listed.error}`);
  const erasure: BackupsErasure = { rewritten: [], failed: [] };
  for (const [index, file] of listed.value.entries()) {
    deps.onProgress?.(index, listed.value.length);
    try {
      const rewritten = await rewriteWithout(file, participantId, deps);
      if (!rewritten.ok) erasure.failed.push({ file, error: rewritten.error });
      else if (rewritten.value) erasure.rewritten.push(file);
    } catch (error) {
      erasure.failed.push({ file, error: errorMessage(error) });
    }
  }
  return ok(erasure);
}
