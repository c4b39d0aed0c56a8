// The history of sync runs on the Sync page: what was sent, what came back. Kept short, since it
// is there to answer "what happened this week?", not to audit years.
import type { FollowthroughDatabase } from '../db/database';
import type { SyncRun } from '../../shared/model';

export const KEPT_RUNS = 200;
/** A run lists at most this many sent records and exchanges; the counts stay exact. */
export const MAX_LISTED_ITEMS = 100;
export const MAX_LISTED_EXCHANGES = 50;

export async function recordRun(db: FollowthroughDatabase, run: SyncRun): Promise<number> {
  return db.transaction('rw', db.syncRuns, async () => {
    const id = await db.syncRuns.add({
      ...run,
      sentItems: run.sentItems.slice(0, MAX_LISTED_ITEMS),
      exchanges: run.exchanges.slice(-MAX_LISTED_EXCHANGES),
    });
    const surplus = (await db.syncRuns.count()) - KEPT_RUNS;
    if (surplus > 0) await db.syncRuns.orderBy('startedAt').limit(surplus).delete();
    return id;
  });
}

export function recentRuns(db: FollowthroughDatabase, limit: number): Promise<SyncRun[]> {
  return db.syncRuns.orderBy('startedAt').reverse().limit(limit).toArray();
}

export function runsSince(db: FollowthroughDatabase, since: number): Promise<SyncRun[]> {
  return db.syncRuns.where('startedAt').aboveOrEqual(since).toArray();
}
