// The push side of a run: the outbox read a page at a time in queue order, each page prepared
// while the batch before it travels, one request in flight at a time, and each answer settled
// (renderer/sync/push-settlement.ts). A batch prepared before participants or contracts changed
// is prepared again, so an erasure or a consent withdrawn mid-run stops what it must.
import type { PreparedPush } from './connectors/connector';
import { prepareBatch, type BatchItem } from './batch';
import type { LiveRecordContext } from './live-record-context';
import type { RunStop } from './outcomes';
import { isDue, readPage, releaseHeld, waitingEntries, type StoredEntry } from './outbox-queue';
import { prepareEvent } from './payload';
import { eventsOf, noteWaiting, removeAcknowledged, setEntriesAside, settle, type Settlement } from './push-settlement';

export type Pipeline = Settlement & {
  records: LiveRecordContext;
  pacing: { yieldToUi: () => Promise<void>; sliceMs: number };
  /** Entries due by then go in this run. */
  dueBy: () => number;
  startedAt: number;
  onProgress?: (progress: { sent: number }) => void;
};

/**
 * Entries are read a few batches at a time: IndexedDB queues a read behind every write
 * transaction, so a read per batch, behind each batch's removal, would leave the network idle.
 */
const BATCHES_PER_PAGE = 4;

/** `generation`: of the record context the batch was prepared with. */
type Batch = { items: BatchItem[]; endsPage: boolean; generation: number };
type ReadyBatch = Batch & { push: PreparedPush };

/** Reads and prepares the page after `afterSeq`; null when the queue has no more entries. */
async function preparePageAfter(p: Pipeline, afterSeq: number) {
  // The first page holds one batch, so the first request leaves as early as it can.
  const size = p.connector.batchSize * (afterSeq === 0 ? 1 : BATCHES_PER_PAGE);
  const page = await readPage(p.db, afterSeq, size);
  if (page.length === 0) return null;
  const due = page.filter((entry) => isDue(entry, p.dueBy()));
  const { generation } = p.records;
  return {
    lastSeq: page[page.length - 1].seq,
    batch: await prepareBatch(due, p.records.context, p.pacing),
    generation,
  };
}

/** The run's batches in queue order; each page is read and prepared while the one before goes out. */
async function* batches(p: Pipeline): AsyncGenerator<Batch> {
  let upcoming = preparePageAfter(p, 0);
  try {
    for (let page = await upcoming; page; page = await upcoming) {
      await setEntriesAside(p, page.batch.held, 'held');
      await setEntriesAside(p, page.batch.unusable, 'parked');
      upcoming = preparePageAfter(p, page.lastSeq);
      const { items } = page.batch;
      for (let start = 0; start < items.length; start += p.connector.batchSize) {
        const end = start + p.connector.batchSize;
        yield { items: items.slice(start, end), endsPage: end >= items.length, generation: page.generation };
      }
    }
  } finally {
    // A page prepared for nothing only read; its errors do not matter once the run is over.
    upcoming.catch(() => null);
  }
}

const withRequest = async (p: Pipeline, batch: Batch): Promise<ReadyBatch> => ({
  ...batch,
  push: await p.connector.prepare(eventsOf(batch.items)),
});

/**
 * A batch prepared before participants or contracts changed, prepared again from its entries as
 * they are now: ones erased are gone, ones whose consent was withdrawn are held.
 */
async function preparedAgain(p: Pipeline, batch: Batch): Promise<ReadyBatch | null> {
  const seqs = batch.items.flatMap((item) => item.entries.map((entry) => entry.seq));
  const stored = (await p.db.outbox.bulkGet(seqs)) as (StoredEntry | undefined)[];
  const due = stored.filter((entry) => entry !== undefined && isDue(entry, p.dueBy())) as StoredEntry[];
  const { generation } = p.records;
  const prepared = await prepareBatch(due, p.records.context, p.pacing);
  await setEntriesAside(p, prepared.held, 'held');
  await setEntriesAside(p, prepared.unusable, 'parked');
  if (prepared.items.length === 0) return null;
  return withRequest(p, { items: prepared.items, endsPage: batch.endsPage, generation });
}

/** The batch, prepared again if participants or contracts changed since; null when none of it may go. */
async function upToDate(p: Pipeline, batch: ReadyBatch): Promise<ReadyBatch | null> {
  let ready: ReadyBatch | null = batch;
  while (ready && ready.generation !== p.records.generation) ready = await preparedAgain(p, ready);
  return ready;
}

/** Sends the due outbox in batches until it is empty, the run's time is used, or an answer stops it. */
export async function drainOutbox(p: Pipeline): Promise<RunStop | null> {
  // Held entries whose participant now allows sharing go back to the queue first.
  await releaseHeld(p.db, async (entry) => (await prepareEvent(entry, p.records.context)).kind === 'held');
  const noticed = waitingEntries(p.db, p.dueBy()).then((entries) => entries.forEach((entry) => noteWaiting(p, entry)));
  const source = batches(p);
  /** The next batch with its request built and signed, or null at the end of the queue. */
  const prepareNext = async () => {
    const next = await source.next();
    return next.done ? null : withRequest(p, next.value);
  };
  let upcoming = prepareNext();
  let progressToldAt = p.startedAt;
  await noticed;
  try {
    for (let current = await upcoming; current; current = await upcoming) {
      if (p.now() - p.startedAt >= p.policy.runBudgetMs)
        return { outcome: 'out-of-time', stop: { type: 'out-of-time' } };
      const ready = await upToDate(p, current);
      // One request in flight at a time; the next one is built while this one travels.
      const sending = ready?.push.send();
      upcoming = prepareNext();
      if (ready && sending) {
        const stop = await settle(p, ready.items, await sending);
        if (stop) return stop;
      }
      // Removed as soon as acknowledged, so a run cut off (a reload, a quit) leaves nothing
      // pending that the upstream holds; the removal does not hold up the next request.
      removeAcknowledged(p);
      if (!current.endsPage) continue;
      if (p.now() - progressToldAt >= p.policy.progressIntervalMs) {
        progressToldAt = p.now();
        p.onProgress?.({ sent: p.record.sent() });
      }
    }
    return null;
  } finally {
    upcoming.catch(() => null);
    await source.return(undefined);
    removeAcknowledged(p);
  }
}
