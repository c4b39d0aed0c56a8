// What a push's answer does to the outbox: acknowledged entries are removed (off the critical
// path: the next request does not wait for it), a retry is counted against the batch with backoff, a batch refused for its
// content is split to find the refused events, and a refused connection sets the batch aside and
// pauses the upstream.
import type { FollowthroughDatabase } from '../db/database';
import type { Clock } from '../db/write';
import { retryDelayMs } from './backoff';
import type { BatchItem, SetAside } from './batch';
import type { PushOutcome, SyncConnector } from './connectors/connector';
import type { RunStop } from './outcomes';
import { acknowledge, recordFailedAttempt, setAside, type StoredEntry } from './outbox-queue';
import type { SyncPolicy } from './policy';
import type { RunRecord } from './run-record';
import { refusedStop, waitStop } from './upstream-pause';

export type Settlement = {
  db: FollowthroughDatabase;
  connector: SyncConnector;
  policy: SyncPolicy;
  random: () => number;
  now: Clock;
  record: RunRecord;
  /** Entries of this run's records that are not going out now, so an acknowledgement can supersede them. */
  waiting: Map<string, StoredEntry[]>;
  /** Acknowledged items still in the outbox, about to be removed. */
  acknowledged: BatchItem[];
  /** Removals under way; the run awaits them before it ends. */
  settling: Promise<void>[];
};

export function createSettlement(deps: Omit<Settlement, 'waiting' | 'acknowledged' | 'settling'>): Settlement {
  return { ...deps, waiting: new Map(), acknowledged: [], settling: [] };
}

export function noteWaiting(s: Settlement, entry: StoredEntry): void {
  s.waiting.set(entry.recordId, [...(s.waiting.get(entry.recordId) ?? []), entry]);
}

/** Sets entries aside, parked (failed) or held (consent), and answers those that were. */
export async function setEntriesAside(
  s: Settlement,
  items: SetAside[],
  state: 'parked' | 'held',
): Promise<StoredEntry[]> {
  if (items.length === 0) return [];
  const setAsideNow = await setAside(s.db, items, state, s.now());
  for (const entry of setAsideNow) noteWaiting(s, entry);
  s.record.noteSetAside(setAsideNow.length, state);
  return setAsideNow;
}

/** Removes what the upstream acknowledged so far, while the next batch goes out. */
export function removeAcknowledged(s: Settlement): void {
  if (s.acknowledged.length === 0) return;
  const items = s.acknowledged;
  s.acknowledged = [];
  const candidates = items.flatMap((item) => [...item.entries, ...(s.waiting.get(item.recordId) ?? [])]);
  const removed = acknowledge(s.db, candidates, new Map(items.map((item) => [item.recordId, item.recordVersion]))).then(
    () => items.forEach((item) => s.waiting.delete(item.recordId)),
  );
  removed.catch(() => undefined);
  s.settling.push(removed);
}

async function onRetry(s: Settlement, items: BatchItem[], reason: string, retryAfterMs: number | null) {
  const entries = items.flatMap((item) => item.entries);
  const attempt = Math.max(...entries.map((entry) => entry.attempts)) + 1;
  const delayMs = Math.max(retryDelayMs(attempt, s.policy.backoff, s.random), retryAfterMs ?? 0);
  const parked = await recordFailedAttempt(
    s.db,
    entries.map((entry) => entry.seq),
    { reason, delayMs, now: s.now(), maxAttempts: s.policy.maxAttempts },
  );
  s.record.noteSetAside(parked, 'parked');
  return waitStop(reason, s.now(), delayMs, retryAfterMs);
}

/** Nothing answers at the upstream: its changes wait for it, as they do offline, with no attempt counted. */
const unreachable = (connector: SyncConnector, reason: string): RunStop => ({
  outcome: 'will-retry',
  stop: { type: 'unreachable', connector: connector.label, reason },
});

/** Settles one push's outcome; a batch refused for its content is split to find the refused events. */
export async function settle(s: Settlement, items: BatchItem[], outcome: PushOutcome): Promise<RunStop | null> {
  s.record.noteExchange(outcome, items.length);
  s.record.noteOwners(items);
  if (outcome.kind === 'acknowledged') {
    s.record.noteSent(items);
    s.acknowledged.push(...items);
    return null;
  }
  if (outcome.kind === 'retry') {
    if (!outcome.countsAsAttempt) return { outcome: 'cancelled', stop: { type: 'cancelled', reason: outcome.reason } };
    // A push got no answer at all: whether anything answers at the upstream's address now.
    const answers = outcome.status !== null || !s.connector.isReachable || (await s.connector.isReachable());
    if (!answers) return unreachable(s.connector, outcome.reason);
    return onRetry(s, items, outcome.reason, outcome.retryAfterMs);
  }
  if (outcome.scope === 'content' && items.length > 1) {
    const middle = Math.ceil(items.length / 2);
    return (await deliver(s, items.slice(0, middle))) ?? (await deliver(s, items.slice(middle)));
  }
  const reason = `Refused by the upstream. ${outcome.reason}`;
  const parked = await setEntriesAside(
    s,
    items.flatMap((item) => item.entries.map((entry) => ({ entry, reason }))),
    'parked',
  );
  return outcome.scope === 'connection' ? refusedStop(outcome.reason, parked) : null;
}

export const eventsOf = (items: BatchItem[]) => items.map((item) => item.event);

const deliver = async (s: Settlement, items: BatchItem[]) => settle(s, items, await s.connector.push(eventsOf(items)));
