// The sync side of the outbox table: reading what is due, and settling entries after a delivery
// (acknowledged, retried later, parked, held for consent). Writing new entries stays with the
// repositories (renderer/db/outbox.ts), inside the transaction of the record they describe.
import type { FollowthroughDatabase } from '../db/database';
import type { OutboxEntry } from '../../shared/model';
import { entryTitle, payloadVersionOf } from './payload';
import { recordRun } from './run-log';

export type StoredEntry = OutboxEntry & { seq: number };

/** The next `limit` entries after `afterSeq` in queue order, whatever their state. */
export async function readPage(db: FollowthroughDatabase, afterSeq: number, limit: number): Promise<StoredEntry[]> {
  return (await db.outbox.where('seq').above(afterSeq).limit(limit).toArray()) as StoredEntry[];
}

export const isDue = (entry: OutboxEntry, now: number) => entry.state === 'pending' && entry.nextAttemptAt <= now;

/**
 * Entries set to wait until after `latest`, longer than any wait that may be asked for, were set
 * before the clock went back: their wait is over at `now`.
 */
export function endWaitsPast(db: FollowthroughDatabase, latest: number, now: number): Promise<number> {
  return db.outbox.where('nextAttemptAt').above(latest).modify({ nextAttemptAt: now });
}

/** Entries that will not go out in a run starting `now`: set aside, or waiting for their retry. */
export async function waitingEntries(db: FollowthroughDatabase, now: number): Promise<StoredEntry[]> {
  const [parked, held, later] = await Promise.all([
    db.outbox.where('state').equals('parked').toArray(),
    db.outbox.where('state').equals('held').toArray(),
    db.outbox.where('nextAttemptAt').above(now).toArray(),
  ]);
  return [...parked, ...held, ...later.filter((entry) => entry.state === 'pending')] as StoredEntry[];
}

/** Candidates closer than this share one range read: a few unrelated entries read cost less than a request each. */
const MAX_GAP_IN_ONE_READ = 64;

/** Sorted keys grouped into spans worth reading with one request. */
function spansOf(seqs: number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const seq of seqs) {
    const last = spans[spans.length - 1];
    if (last && seq - last[1] <= MAX_GAP_IN_ONE_READ) last[1] = seq;
    else spans.push([seq, seq]);
  }
  return spans;
}

/**
 * Removes, among `candidates`, every entry the upstream now holds: those whose snapshot is not
 * newer than the version acknowledged for their record. Each candidate is read again first, so an
 * entry a coach's edit rewrote while its request was in flight stays queued with the newer state;
 * older entries of the record, even parked ones, are superseded. A drain acknowledges runs of
 * consecutive entries, so they are read and removed by key range: a request per run, not per entry.
 */
export async function acknowledge(
  db: FollowthroughDatabase,
  candidates: StoredEntry[],
  acknowledgedVersions: Map<string, number>,
): Promise<number> {
  const wanted = new Set(candidates.map((entry) => entry.seq));
  const isDone = (entry: StoredEntry) => {
    const version = payloadVersionOf(entry);
    return wanted.has(entry.seq) && version !== null && version <= (acknowledgedVersions.get(entry.recordId) ?? -1);
  };
  return db.transaction('rw', db.outbox, async () => {
    const spans = spansOf([...wanted].sort((a, b) => a - b));
    const stored = await Promise.all(spans.map(([from, to]) => readSpan(db, from, to)));
    // Runs of stored entries that are all done, broken by any entry that stays.
    const runs: [number, number][] = [];
    let removed = 0;
    for (const entries of stored) {
      let run: [number, number] | null = null;
      for (const entry of entries) {
        if (!isDone(entry)) {
          run = null;
          continue;
        }
        removed += 1;
        if (run) run[1] = entry.seq;
        else runs.push((run = [entry.seq, entry.seq]));
      }
    }
    const single = runs.filter(([from, to]) => from === to).map(([seq]) => seq);
    await Promise.all([
      single.length > 0 ? db.outbox.bulkDelete(single) : undefined,
      ...runs
        .filter(([from, to]) => from !== to)
        .map(([from, to]) => db.outbox.where('seq').between(from, to, true, true).delete()),
    ]);
    return removed;
  });
}

async function readSpan(db: FollowthroughDatabase, from: number, to: number): Promise<StoredEntry[]> {
  return (await db.outbox.where('seq').between(from, to, true, true).toArray()) as StoredEntry[];
}

/**
 * Records a failed attempt on each entry: the next attempt waits `delayMs`, and an entry that has
 * used up `maxAttempts` is parked with the reason. An entry held meanwhile (consent withdrawn while
 * its request travelled) stays held. Returns how many were parked.
 */
export async function recordFailedAttempt(
  db: FollowthroughDatabase,
  seqs: number[],
  failure: { reason: string; delayMs: number; now: number; maxAttempts: number },
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const entries = (await db.outbox.bulkGet(seqs)).filter((entry) => entry !== undefined);
    let parked = 0;
    for (const entry of entries) {
      const attempts = entry.attempts + 1;
      const waits = { attempts, nextAttemptAt: failure.now + failure.delayMs, updatedAt: failure.now };
      if (entry.state === 'held') {
        await db.outbox.update(entry.seq!, waits);
        continue;
      }
      const givesUp = attempts >= failure.maxAttempts;
      if (givesUp) parked += 1;
      await db.outbox.update(entry.seq!, {
        ...waits,
        lastError: givesUp ? `Gave up after ${attempts} attempts. Last answer: ${failure.reason}` : failure.reason,
        state: givesUp ? 'parked' : 'pending',
      });
    }
    return parked;
  });
}

/**
 * Sets entries aside, each with a reason the coach can read: parked (failed) or held (consent).
 * Only entries still as they were read: one an edit rewrote meanwhile holds a change nobody
 * refused yet, and stays queued; one held meanwhile stays held. Returns the entries set aside.
 */
export async function setAside(
  db: FollowthroughDatabase,
  items: { entry: StoredEntry; reason: string }[],
  state: 'parked' | 'held',
  now: number,
): Promise<StoredEntry[]> {
  return db.transaction('rw', db.outbox, async () => {
    const stored = await db.outbox.bulkGet(items.map(({ entry }) => entry.seq));
    const unchanged = items.filter(
      ({ entry }, index) => stored[index]?.idempotencyKey === entry.idempotencyKey && stored[index]?.state !== 'held',
    );
    await db.outbox.bulkUpdate(
      unchanged.map(({ entry, reason }) => ({ key: entry.seq, changes: { state, lastError: reason, updatedAt: now } })),
    );
    return unchanged.map(({ entry }) => entry);
  });
}

/** Returns held entries whose participant's consent now allows sharing to the queue. */
export async function releaseHeld(
  db: FollowthroughDatabase,
  stillHeld: (entry: StoredEntry) => Promise<boolean>,
): Promise<number> {
  const held = (await db.outbox.where('state').equals('held').toArray()) as StoredEntry[];
  const released: number[] = [];
  for (const entry of held) if (!(await stillHeld(entry))) released.push(entry.seq);
  if (released.length === 0) return 0;
  await db.outbox.bulkUpdate(released.map((seq) => ({ key: seq, changes: { state: 'pending', lastError: null } })));
  return released.length;
}

const requeued = (now: number) =>
  ({ state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now }) as const;

/** Puts one parked entry, or all of them, back in the queue for a fresh set of attempts. */
export async function retryParked(db: FollowthroughDatabase, now: number, seq?: number): Promise<number> {
  const parked = db.outbox.where('state').equals('parked');
  const chosen = seq === undefined ? parked : parked.filter((entry) => entry.seq === seq);
  return chosen.modify(requeued(now));
}

/**
 * Puts back in the queue the entries an upstream set aside when it refused the connection (a
 * revoked token, a wrong address or secret), once the coach has acted on it: the refusal said
 * nothing about the changes themselves. Entries set aside since for another reason stay.
 */
export async function releaseRefused(db: FollowthroughDatabase, seqs: number[], now: number): Promise<number> {
  if (seqs.length === 0) return 0;
  const refused = new Set(seqs);
  return db.outbox
    .where('seq')
    .anyOf(seqs)
    .filter((entry) => entry.state === 'parked' && refused.has(entry.seq!))
    .modify(requeued(now));
}

/**
 * Removes a change that failed for good, at the coach's word, and says so in the history: it will
 * never be sent, and the line keeps what it was and why it failed. Gone already, nothing is written.
 */
export async function discardEntry(db: FollowthroughDatabase, seq: number, now: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.syncRuns, async () => {
    const entry = await db.outbox.get(seq);
    if (!entry) return;
    await db.outbox.delete(seq);
    await recordRun(db, {
      trigger: 'discard',
      connector: '',
      startedAt: now,
      finishedAt: now,
      outcome: 'discarded',
      message: `Discarded a failed ${entry.recordType} change: it will not be sent. It had failed with: ${entry.lastError ?? 'no reason recorded'}`,
      sentActions: 0,
      sentCommitments: 0,
      parked: 0,
      held: 0,
      sentItems: [],
      discardedItems: [{ recordType: entry.recordType, recordId: entry.recordId, title: entryTitle(entry) }],
      exchanges: [],
    });
  });
}

/** When the next pending entry becomes due, or null when nothing waits. */
export async function nextDueAt(db: FollowthroughDatabase): Promise<number | null> {
  const first = await db.outbox
    .orderBy('nextAttemptAt')
    .filter((entry) => entry.state === 'pending')
    .first();
  return first?.nextAttemptAt ?? null;
}

export type OutboxOverview = {
  pending: number;
  held: StoredEntry[];
  parked: StoredEntry[];
  /** The first pending entries, oldest first, for the queue on the Sync page. */
  firstPending: StoredEntry[];
};

/** The outbox as the Sync page shows it, read in one transaction: counts from the state index, entries only where listed. */
export async function outboxOverview(db: FollowthroughDatabase, previewSize: number): Promise<OutboxOverview> {
  const byState = (state: OutboxEntry['state']) => db.outbox.where('state').equals(state);
  const [pending, held, parked, firstPending] = await db.transaction('r', db.outbox, () =>
    Promise.all([
      byState('pending').count(),
      byState('held').toArray(),
      byState('parked').toArray(),
      byState('pending').limit(previewSize).toArray(),
    ]),
  );
  return {
    pending,
    held: held as StoredEntry[],
    parked: parked as StoredEntry[],
    firstPending: firstPending as StoredEntry[],
  };
}
