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
  const idempotencyKey = `${recordType}:${record.id}:${record.updatedAt}`;
  const unsent = await db.outbox
    .where('recordId')
    .equals(record.id)
    .filter((entry) => entry.state === 'pending' && entry.attempts === 0)
    .first();
  if (unsent?.seq !== undefined) {
    await db.outbox.update(unsent.seq, { payload: record, idempotencyKey, updatedAt: record.updatedAt });
    return;
  }
  await db.outbox.add({
    recordType,
    recordId: record.id,
    idempotencyKey,
    payloadVersion: OUTBOX_PAYLOAD_VERSION,
    payload: record,
    attempts: 0,
    nextAttemptAt: record.updatedAt,
    lastError: null,
    state: 'pending',
    createdAt: record.updatedAt,
    updatedAt: record.updatedAt,
  });
}
