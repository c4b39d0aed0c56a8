// The pull of a two-way connector (the Followthrough hub), after the push: what the upstream
// changed since the cursor, applied in one transaction; the cursor moves only once they are.
import type { FollowthroughDatabase } from '../db/database';
import type { Clock } from '../db/write';
import { retryDelayMs, type BackoffPolicy } from './backoff';
import type { PullApplied, PulledChange, SyncConnector } from './connectors/connector';
import type { RunStop } from './outcomes';
import { readPullCursor, writePullCursor } from './settings';
import { refusedStop, waitStop } from './upstream-pause';

export const nothingPulled: PullApplied = { changed: 0, notKept: [] };

type PullStep = {
  db: FollowthroughDatabase;
  connector: SyncConnector;
  applyPulled?: (changes: PulledChange[]) => Promise<PullApplied | void>;
  backoff: BackoffPolicy;
  random: () => number;
  now: Clock;
};

/**
 * Pulls once `removed` settles, when the outbox no longer holds what the upstream acknowledged,
 * so nothing sent looks unsent. A refusal or a failure stops the run like a push's would.
 */
export async function pullStep(
  { db, connector, applyPulled, backoff, random, now }: PullStep,
  removed: Promise<unknown>,
): Promise<{ stop: RunStop | null; pulled: PullApplied }> {
  if (!connector.pull || !applyPulled) return { stop: null, pulled: nothingPulled };
  await removed;
  const pulled = await connector.pull(await readPullCursor(db, connector.kind));
  if (!pulled.ok) {
    if (pulled.refused) return { stop: refusedStop(pulled.reason), pulled: nothingPulled };
    const delayMs = Math.max(retryDelayMs(1, backoff, random), pulled.retryAfterMs ?? 0);
    return { stop: waitStop(pulled.reason, now(), delayMs, pulled.retryAfterMs), pulled: nothingPulled };
  }
  const applied = (await applyPulled(pulled.changes)) ?? { changed: pulled.changes.length, notKept: [] };
  await writePullCursor(db, connector.kind, pulled.cursor);
  return { stop: null, pulled: applied };
}
