// A restore as the coach runs it: first a safety backup of the data as it is now (without it,
// nothing is restored), then the one-transaction restore. Either way the coach learns exactly
// what happened.
import type { FollowthroughDatabase } from '../db/database';
import { errorMessage, fail, ok, type Result } from '../../shared/result';
import { writeBackup, type BackupDeps } from './backup-service';
import { applyRestore, type RestorePlan } from './restore';

export type RestorePhase = 'safety-backup' | 'writing';

type RestoreOutcome = { safetyBackup: string | null; records: number };

export async function runRestore(
  db: FollowthroughDatabase,
  plan: RestorePlan,
  deps: BackupDeps & { onPhase?: (phase: RestorePhase) => void },
): Promise<Result<RestoreOutcome>> {
  deps.onPhase?.('safety-backup');
  const safety = await writeBackup(db, 'pre-restore', deps);
  if (!safety.ok) {
    return fail(
      `${safety.error}. Without a safety copy of your current data nothing was restored; your data is unchanged.`,
    );
  }
  deps.onPhase?.('writing');
  try {
    await applyRestore(db, plan);
  } catch (error) {
    return fail(
      `The restore stopped before it finished (${errorMessage(error)}). It is all or nothing, so your data is exactly as it was; nothing was changed.`,
    );
  }
  const records = Object.values(plan.tables).reduce((sum, records) => sum + records.length, 0);
  return ok({ safetyBackup: safety.value?.name ?? null, records });
}
