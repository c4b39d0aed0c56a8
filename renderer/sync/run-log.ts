// The history of sync runs on the Sync page: what was sent, what came back. Kept short, since it
// is there to answer "what happened this week?", not to audit years. A run names no participant
// who has been erased: runWithout gives the line the history may keep.
import type { FollowthroughDatabase } from '../db/database';
import type { SyncRun } from '../../shared/model';

const KEPT_RUNS = 200;
/** A run lists at most this many sent records and exchanges; the counts stay exact. */
const MAX_LISTED_ITEMS = 100;
const MAX_LISTED_EXCHANGES = 50;

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

const ERASED_DETAIL = 'Removed when a participant was erased';

/** Whether `value`, written out, names any of `needles`. */
export function mentionsAny(value: unknown, needles: string[]): boolean {
  const text = JSON.stringify(value) ?? '';
  return needles.some((needle) => text.includes(needle));
}

/**
 * A sync run as the history may keep it once the records `ids` are erased: no line sent for them,
 * and no answer or message that mentions any of `needles` (their ids and names).
 */
export function runWithout(run: SyncRun, ids: Set<string>, needles: string[]): { kept: SyncRun; removedLines: number } {
  const sentItems = run.sentItems.filter((item) => !ids.has(item.recordId));
  const kept = (list: string[]) => list.filter((id) => !ids.has(id));
  const sentIds = run.sentIds && { actions: kept(run.sentIds.actions), commitments: kept(run.sentIds.commitments) };
  const discardedItems = run.discardedItems?.filter((item) => !ids.has(item.recordId));
  const exchanges = run.exchanges.map((exchange) =>
    mentionsAny(exchange.detail, needles) ? { ...exchange, detail: ERASED_DETAIL } : exchange,
  );
  const scrubbed = exchanges.filter((exchange, index) => exchange !== run.exchanges[index]).length;
  const message = mentionsAny(run.message, needles) ? ERASED_DETAIL : run.message;
  const removedItems =
    run.sentItems.length - sentItems.length + (run.discardedItems?.length ?? 0) - (discardedItems?.length ?? 0);
  const removedLines = removedItems + scrubbed + (message === run.message ? 0 : 1);
  return { kept: { ...run, sentItems, sentIds, discardedItems, exchanges, message }, removedLines };
}
