// An action as the hub keeps it, and how it turns into the wire form both clients read.
import type { WireParticipant } from '../../shared/sync-protocol';
import type { HubAction, HubConflictField, HubHistoryEntry, HubNote } from '../../shared/hub-protocol';
import type { ActionStatus } from '../../shared/model';

type ChangeSource = 'coach' | 'upstream';

/** Who made a write: a coach's device (its token) or a program manager. */
export type Writer = { source: ChangeSource; author: string; tokenId: string };

/** The last change of one field: the conflict rule compares its revision with a device's cursor. */
export type FieldChange = Writer & { revision: number };

export type TrackedField = HubConflictField;

export type StoredAction = {
  id: string;
  coachId: string;
  organisationId: string;
  participant: WireParticipant;
  sessionId: string | null;
  text: string;
  owner: string;
  dueDate: string | null;
  verification: string;
  status: ActionStatus;
  blockedReason: string;
  isExperiment: boolean;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  history: HubHistoryEntry[];
  fieldChanges: Record<TrackedField, FieldChange>;
  revision: number;
  createdRevision: number;
};

export type FieldValue = string | boolean | null;

/** A tracked field's value in the form the change log keeps and the rule compares. */
type TrackedValues = Pick<StoredAction, Exclude<TrackedField, 'deleted'> | 'deletedAt'>;

export function fieldValue(action: TrackedValues, field: TrackedField): FieldValue {
  if (field === 'deleted') return action.deletedAt !== null;
  return action[field];
}

const iso = (at: number) => new Date(at).toISOString();

export function participantLabel(participant: WireParticipant): string {
  return participant.displayName ?? participant.ref;
}

export function toHubAction(action: StoredAction, notes: HubNote[]): HubAction {
  return {
    id: action.id,
    participant: action.participant,
    sessionId: action.sessionId,
    text: action.text,
    owner: action.owner,
    dueDate: action.dueDate,
    verification: action.verification,
    status: action.status,
    blockedReason: action.blockedReason,
    isExperiment: action.isExperiment,
    createdAt: iso(action.createdAt),
    updatedAt: iso(action.updatedAt),
    deletedAt: action.deletedAt === null ? null : iso(action.deletedAt),
    history: action.history,
    notes,
    revision: action.revision,
  };
}
