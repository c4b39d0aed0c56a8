// Appends sync work inside the caller's transaction, so a record and its outbox entry are written
// together or not at all. An entry not yet attempted is rewritten in place (coalesced) rather than
// queued twice; one already attempted stays as it is, since the upstream may hold it. A change of a
// participant who has not agreed to share actions is queued as held, so it never counts as pending.
import type { FollowthroughDatabase } from './database';
import type { OutboxEntry, Participant } from '../../shared/model';

export const OUTBOX_PAYLOAD_VERSION = 1;

/**
 * Why a change of a participant who has not agreed to share actions stays on the device. It names
 * nobody: the Sync page says whose change it is from the participant as they are now, and an
 * erasure leaves no name behind in the queue.
 */
export const HELD_BACK_REASON =
  'Held back: the participant has not agreed to share their actions. Change their consent to send it.';

type Syncable = { id: string; updatedAt: number };
type QueueState = Pick<OutboxEntry, 'state' | 'lastError'>;

/** The tables every transaction that queues a change must include besides its records'. */
export const outboxTables = (db: FollowthroughDatabase) => [db.outbox, db.participants] as const;

/** Held when the participant has not agreed to share actions; a participant not found is left to sync to report. */
function queueStateFor(participant: Pick<Participant, 'consent'> | undefined): QueueState {
  return participant?.consent.shareActions === 'none'
    ? { state: 'held', lastError: HELD_BACK_REASON }
    : { state: 'pending', lastError: null };
}

/** `participantId`: whose record it is, so its consent decides whether the change waits to be sent or is held. */
export async function enqueueChange(
  db: FollowthroughDatabase,
  recordType: OutboxEntry['recordType'],
  record: Syncable,
  participantId: string,
): Promise<void> {
  const queueState = queueStateFor(await db.participants.get(participantId));
  const idempotencyKey = idempotencyKeyOf(recordType, record);
  const unsent = await db.outbox
    .where('recordId')
    .equals(record.id)
    .filter((entry) => entry.state !== 'parked' && entry.attempts === 0)
    .first();
  if (unsent?.seq !== undefined) {
    await db.outbox.update(unsent.seq, { payload: record, idempotencyKey, updatedAt: record.updatedAt, ...queueState });
    return;
  }
  await db.outbox.add(newEntry(recordType, record, queueState));
}

/**
 * Queues records created in the caller's transaction in one bulk write: a new record cannot have
 * an unsent entry to coalesce with, so the per-record lookup of enqueueChange is skipped.
 */
export async function enqueueNewRecords(
  db: FollowthroughDatabase,
  recordType: OutboxEntry['recordType'],
  records: (Syncable & { participantId: string })[],
): Promise<void> {
  const participantIds = [...new Set(records.map((record) => record.participantId))];
  const participants = await db.participants.bulkGet(participantIds);
  const byId = new Map(participantIds.map((id, index) => [id, participants[index]]));
  await db.outbox.bulkAdd(
    records.map((record) => newEntry(recordType, record, queueStateFor(byId.get(record.participantId)))),
  );
}

/**
 * Whose record an entry's payload says it is: an action names its participant, a commitment its
 * contract (whose participant it is). Null when the payload says neither.
 */
export function payloadOwner(
  entry: Pick<OutboxEntry, 'recordType' | 'payload'>,
): { participantId: string } | { contractId: string } | null {
  const payload = entry.payload as { participantId?: unknown; contractId?: unknown } | null;
  if (entry.recordType === 'action') {
    return typeof payload?.participantId === 'string' ? { participantId: payload.participantId } : null;
  }
  return typeof payload?.contractId === 'string' ? { contractId: payload.contractId } : null;
}

/** The tables every transaction that may change a participant's consent must include besides participants. */
export const consentQueueTables = (db: FollowthroughDatabase) => [db.contracts, db.outbox] as const;

/**
 * Brings the queued changes `chosen` picks in line with `participant`'s consent now: held when they
 * have not agreed to share actions, waiting to be sent when they have. Attempts and waits are kept.
 */
export async function followConsent(
  db: FollowthroughDatabase,
  participant: Pick<Participant, 'consent'> | undefined,
  chosen: (entry: OutboxEntry) => boolean,
): Promise<void> {
  const queueState = queueStateFor(participant);
  await db.outbox
    .where('state')
    .equals(queueState.state === 'held' ? 'pending' : 'held')
    .filter(chosen)
    .modify(queueState);
}

/** When a participant's consent to share actions changed, holds their queued changes or returns them to the queue. */
export async function applyConsentToQueue(
  db: FollowthroughDatabase,
  before: Participant,
  after: Participant,
): Promise<void> {
  if (queueStateFor(before).state === queueStateFor(after).state) return;
  // By the payloads, not the records: a removed commitment or a purged action still has its change queued.
  const contractIds = new Set(await db.contracts.where('participantId').equals(after.id).primaryKeys());
  await followConsent(db, after, (entry) => {
    const owner = payloadOwner(entry);
    if (owner === null) return false;
    return 'participantId' in owner ? owner.participantId === after.id : contractIds.has(owner.contractId);
  });
}

/** Unique per change: two saves of a record in the same millisecond must not share a key, or the
 * upstream would drop the second as a duplicate of the first. */
function idempotencyKeyOf(recordType: OutboxEntry['recordType'], record: Syncable): string {
  return `${recordType}:${record.id}:${record.updatedAt}:${crypto.randomUUID().slice(0, 8)}`;
}

function newEntry(recordType: OutboxEntry['recordType'], record: Syncable, queueState: QueueState): OutboxEntry {
  return {
    recordType,
    recordId: record.id,
    idempotencyKey: idempotencyKeyOf(recordType, record),
    payloadVersion: OUTBOX_PAYLOAD_VERSION,
    payload: record,
    attempts: 0,
    nextAttemptAt: record.updatedAt,
    ...queueState,
    createdAt: record.updatedAt,
    updatedAt: record.updatedAt,
  };
}
