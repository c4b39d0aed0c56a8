// What leaves the device: an outbox entry turned into one wire event. The snapshot is parsed with
// its record's schema, then each wire field is copied by name, so nothing else a payload holds
// (no private session text, however it got there) can ride along; test/unit/sync/privacy.test.ts
// checks every outgoing byte against the strict wire schema.
import { z } from 'zod';
import { actionSchema, commitmentSchema, isInTrash, type Action, type OutboxEntry } from '../../shared/model';
import {
  type RecordSyncEvent,
  type WireAction,
  type WireCommitment,
  type WireParticipant,
} from '../../shared/sync-protocol';
import { OUTBOX_PAYLOAD_VERSION } from '../db/outbox';
import type { RecordContext } from './sharing';

const timestamp = z.number().int().nonnegative();

/**
 * The outbox payload of a commitment, as renderer/db/contracts.ts queues it: the commitment and
 * its contract's id and time of change. Whose it is and its objective come from the contract.
 */
const syncedCommitmentSchema = commitmentSchema.extend({
  contractId: z.uuid(),
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
});
type SyncedCommitment = z.infer<typeof syncedCommitmentSchema>;

type PreparedEvent =
  | { kind: 'event'; event: RecordSyncEvent; title: string; participantId: string }
  | { kind: 'held'; reason: string }
  | { kind: 'unusable'; reason: string };

const iso = (at: number) => new Date(at).toISOString();
const isoOrNull = (at: number | undefined) => (at === undefined ? null : iso(at));

type Hide = (text: string) => string;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * In pseudonymous sharing every mention of the participant's name in the text that leaves, whole
 * or any part of it ("Amara", "Okafor", "Amara Okafor"), becomes their pseudonym; an owner that
 * names them is then the pseudonym too.
 */
function nameHider(participant: WireParticipant, name: string): Hide {
  const parts = [name.trim(), ...name.trim().split(/\s+/)].filter((part) => part.length >= 2).map(escapeRegExp);
  if (participant.sharing !== 'pseudonymous' || parts.length === 0) return (text) => text;
  const mention = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(mention, participant.ref);
}

function wireAction(action: Action, hide: Hide): WireAction {
  return {
    id: action.id,
    sessionId: action.sessionId,
    text: hide(action.text),
    owner: hide(action.owner),
    dueDate: action.dueDate,
    verification: hide(action.verification),
    status: action.status,
    blockedReason: hide(action.blockedReason),
    isExperiment: action.isExperiment,
    createdAt: iso(action.createdAt),
    updatedAt: iso(action.updatedAt),
    deletedAt: isoOrNull(action.deletedAt),
    history: action.history.map((change) => ({
      status: change.status,
      at: iso(change.at),
      reason: change.reason === undefined ? null : hide(change.reason),
      source: change.source,
    })),
  };
}

function wireCommitment(commitment: SyncedCommitment, contractTitle: string, hide: Hide): WireCommitment {
  return {
    id: commitment.id,
    contractId: commitment.contractId,
    contractTitle: hide(contractTitle),
    text: hide(commitment.text),
    owner: hide(commitment.owner),
    acceptanceCriteria: hide(commitment.acceptanceCriteria),
    reviewCadenceWeeks: commitment.reviewCadenceWeeks,
    dueDate: commitment.dueDate,
    status: commitment.status,
    statusHistory: commitment.statusHistory.map((change) => ({ status: change.status, at: iso(change.at) })),
    actionIds: commitment.actionIds,
    updatedAt: iso(commitment.updatedAt),
    deletedAt: isoOrNull(commitment.deletedAt),
  };
}

function unreadable(entry: OutboxEntry, error: z.ZodError): PreparedEvent {
  const issues = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
  return {
    kind: 'unusable',
    reason: `This saved ${entry.recordType} change could not be read (${issues}). It was set aside so the rest could sync; discard it, or edit the ${entry.recordType} to queue a fresh copy.`,
  };
}

/** The record's version (its updatedAt) from a payload, or null when the payload is unreadable. */
export function payloadVersionOf(entry: Pick<OutboxEntry, 'payload'>): number | null {
  const payload = entry.payload as { updatedAt?: unknown } | null;
  const version = payload?.updatedAt;
  return typeof version === 'number' && Number.isFinite(version) ? version : null;
}

/** A one-line title for an entry, for lists on the Sync page. */
export function entryTitle(entry: Pick<OutboxEntry, 'payload' | 'recordType'>): string {
  const text = (entry.payload as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.trim() ? text.trim() : `Unreadable ${entry.recordType} change`;
}

/** Whose a record is, and for a commitment the title of its contract; null when that is gone. */
async function ownership(
  record: Action | SyncedCommitment,
  context: RecordContext,
): Promise<{ participantId: string; contractTitle: string } | null> {
  if ('participantId' in record) return { participantId: record.participantId, contractTitle: '' };
  const contract = await context.contractOf(record.contractId);
  return contract ? { participantId: contract.participantId, contractTitle: contract.title } : null;
}

export async function prepareEvent(entry: OutboxEntry, context: RecordContext): Promise<PreparedEvent> {
  if (entry.payloadVersion !== OUTBOX_PAYLOAD_VERSION) {
    return {
      kind: 'unusable',
      reason: `This change was saved by a newer version of Followthrough (format ${entry.payloadVersion}); update the app to send it.`,
    };
  }
  const parsed =
    entry.recordType === 'action'
      ? actionSchema.safeParse(entry.payload)
      : syncedCommitmentSchema.safeParse(entry.payload);
  if (!parsed.success) return unreadable(entry, parsed.error);
  const record = parsed.data;

  const owned = await ownership(record, context);
  if (!owned)
    return { kind: 'unusable', reason: 'Its contract no longer exists, so it cannot say whose commitment it is' };
  const sharing = await context.sharingOf(owned.participantId);
  if (sharing.kind === 'hold') return { kind: 'held', reason: sharing.reason };
  if (sharing.kind === 'missing') return { kind: 'unusable', reason: sharing.reason };

  const hide = nameHider(sharing.participant, sharing.name);
  const base = {
    idempotencyKey: entry.idempotencyKey,
    occurredAt: iso(record.updatedAt),
    recordVersion: record.updatedAt,
    participant: sharing.participant,
  };
  const deleted = isInTrash(record);
  const event: RecordSyncEvent =
    'history' in record
      ? { ...base, type: deleted ? 'action.deleted' : 'action.upserted', action: wireAction(record, hide) }
      : {
          ...base,
          type: deleted ? 'commitment.deleted' : 'commitment.upserted',
          commitment: wireCommitment(record, owned.contractTitle, hide),
        };
  return {
    kind: 'event',
    event,
    title: record.text.trim() || `Untitled ${entry.recordType}`,
    participantId: owned.participantId,
  };
}
