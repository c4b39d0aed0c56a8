// Appends sync work inside the caller's transaction, so a record and its outbox entry are written
// together or not at all. An entry not yet attempted is rewritten in place (coalesced) rather than
// queued twice; one already attempted stays as it is, since the upstream may hold it.
import type { FollowthroughDatabase } from './database';
import type { OutboxEntry } from '../../shared/model';

export const OUTBOX_PAYLOAD_VERSION = 1;

type Syncable = { id: string; updatedAt: number };

export async function enqueueChange(
  db: FollowthroughDatabase,
  recordType: OutboxEntry['recordType'],
  record: Syncable,
): Promise<void> {
  const idempotencyKey = idempotencyKeyOf(recordType, record);
  const unsent = await db.outbox
    .where('recordId')
    .equals(record.id)
    .filter((entry) => entry.state === 'pending' && entry.attempts === 0)
    .first();
  if (unsent?.seq !== undefined) {
    await db.outbox.update(unsent.seq, { payload: record, idempotencyKey, updatedAt: record.updatedAt });
    return;
  }
  await db.outbox.add(newEntry(recordType, record));
}

/**
 * Queues records created in the caller's transaction in one bulk write: a new record cannot have
 * an unsent entry to coalesce with, so the per-record lookup of enqueueChange is skipped.
 */
export async function enqueueNewRecords(
  db: FollowthroughDatabase,
  recordType: OutboxEntry['recordType'],
  records: Syncable[],
): Promise<void> {
  await db.outbox.bulkAdd(records.map((record) => newEntry(recordType, record)));
}

/** Unique per change: two saves of a record in the same millisecond must not share a key, or the
 * upstream would drop the second as a duplicate of the first. */
function idempotencyKeyOf(recordType: OutboxEntry['recordType'], record: Syncable): string {
  return `${recordType}:${record.id}:${record.updatedAt}:${crypto.randomUUID().slice(0, 8)}`;
}

function newEntry(recordType: OutboxEntry['recordType'], record: Syncable): OutboxEntry {
  return {
    recordType,
    recordId: record.id,
    idempotencyKey: idempotencyKeyOf(recordType, record),
    payloadVersion: OUTBOX_PAYLOAD_VERSION,
    payload: record,
    attempts: 0,
    nextAttemptAt: record.updatedAt,
    lastError: null,
    state: 'pending',
    createdAt: record.updatedAt,
    updatedAt: record.updatedAt,
  };
}
