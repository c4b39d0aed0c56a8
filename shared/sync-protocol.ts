// The wire format between the app and an upstream: what one POSTed batch of sync events looks
// like, version by version, and how it is signed. README.md ("Webhook: building the receiving side") describes the same for an
// integrator; the test receiver verifies signatures from that description, not from this file.
import { z } from 'zod';
import { actionStatuses, calendarDateSchema, changeSources, commitmentStatuses } from './model';

/** Bumped on any change an existing receiver could trip over; old versions stay documented. */
export const SYNC_PAYLOAD_VERSION = 1;

export const syncHeaders = {
  idempotencyKey: 'Idempotency-Key',
  signature: 'Followthrough-Signature',
  payloadVersion: 'Followthrough-Payload-Version',
} as const;

/**
 * The signature header is `t=<unix seconds>,v1=<hex>`, where hex is
 * HMAC-SHA256(key = the shared secret as UTF-8, message = `<t>.<exact body bytes>`).
 * A receiver recomputes it over the raw body, compares in constant time, and refuses a timestamp
 * more than SIGNATURE_TOLERANCE_SECONDS away from its own clock (replays).
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signedMessage(timestampSeconds: number, body: string): string {
  return `${timestampSeconds}.${body}`;
}

export function formatSignatureHeader(timestampSeconds: number, hexDigest: string): string {
  return `t=${timestampSeconds},v1=${hexDigest}`;
}

const isoTimestamp = z.iso.datetime({ offset: false });

const pseudonymPattern = /^p-[0-9a-f]{16}$/;

/** Who the record belongs to, as far as the participant's consent allows. */
export const wireParticipantSchema = z
  .object({
    /** Stable and not reversible: the same participant always has the same ref. */
    ref: z.string().regex(pseudonymPattern),
    sharing: z.enum(['named', 'pseudonymous']),
    /** Null when the participant agreed to pseudonymous sharing only. */
    displayName: z.string().nullable(),
  })
  .strict();
export type WireParticipant = z.infer<typeof wireParticipantSchema>;

export const wireActionSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid().nullable(),
    text: z.string(),
    owner: z.string(),
    dueDate: calendarDateSchema.nullable(),
    verification: z.string(),
    status: z.enum(actionStatuses),
    blockedReason: z.string(),
    isExperiment: z.boolean(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    deletedAt: isoTimestamp.nullable(),
    history: z.array(
      z
        .object({
          status: z.enum(actionStatuses),
          at: isoTimestamp,
          reason: z.string().nullable(),
          source: z.enum(changeSources),
        })
        .strict(),
    ),
  })
  .strict();
export type WireAction = z.infer<typeof wireActionSchema>;

const wireCommitmentSchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    contractTitle: z.string(),
    text: z.string(),
    owner: z.string(),
    acceptanceCriteria: z.string(),
    reviewCadenceWeeks: z.number().int().positive(),
    dueDate: calendarDateSchema.nullable(),
    status: z.enum(commitmentStatuses),
    statusHistory: z.array(z.object({ status: z.enum(commitmentStatuses), at: isoTimestamp }).strict()),
    actionIds: z.array(z.uuid()),
    updatedAt: isoTimestamp,
    deletedAt: isoTimestamp.nullable(),
  })
  .strict();
export type WireCommitment = z.infer<typeof wireCommitmentSchema>;

const eventBase = {
  /** The same change always carries the same key; deduplicate on it. */
  idempotencyKey: z.string().min(1).max(200),
  /** When the change was made on the device. */
  occurredAt: isoTimestamp,
  /** Milliseconds; a higher number is a later state of the same record. */
  recordVersion: z.number().int().nonnegative(),
};

const actionEventSchema = z
  .object({
    ...eventBase,
    type: z.enum(['action.upserted', 'action.deleted']),
    participant: wireParticipantSchema,
    action: wireActionSchema,
  })
  .strict();

const commitmentEventSchema = z
  .object({
    ...eventBase,
    type: z.enum(['commitment.upserted', 'commitment.deleted']),
    participant: wireParticipantSchema,
    commitment: wireCommitmentSchema,
  })
  .strict();

/** Sent by "Send test event" in Sync settings; carries no coaching data. */
const testEventSchema = z.object({ ...eventBase, type: z.literal('test.ping'), message: z.string() }).strict();

export const syncEventSchema = z.discriminatedUnion('type', [
  actionEventSchema,
  commitmentEventSchema,
  testEventSchema,
]);
export type SyncEvent = z.infer<typeof syncEventSchema>;
export type RecordSyncEvent = z.infer<typeof actionEventSchema> | z.infer<typeof commitmentEventSchema>;

const MAX_EVENTS_PER_BATCH = 500;

export const syncBatchSchema = z
  .object({
    version: z.literal(SYNC_PAYLOAD_VERSION),
    /** Equal to the Idempotency-Key header: the same events always form the same batch id. */
    batchId: z.string().min(1).max(200),
    sentAt: isoTimestamp,
    events: z.array(syncEventSchema).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .strict();
export type SyncBatch = z.infer<typeof syncBatchSchema>;
