// The two-way conflict rule, as pure functions over the hub's copy of an action (README.md ("The Followthrough hub") says
// the same for people):
// - the coach owns text, owner, due date, verification, the experiment flag and deletion; upstream
//   (a program manager) owns the status changes made on the hub;
// - a device "changed" a field when the value it sends differs from the value the field had at the
//   device's cursor (what it had pulled); a value merely carried along is never written back;
// - when a device changed a field that someone else changed after that cursor, the later change in
//   the hub's order wins (the push being applied now) and the value it replaced is kept as a
//   conflict note on the action, which both the coach and the program manager see;
// - status changes travel as history entries: a push changes the status only when it brings coach
//   entries the hub has not seen, and the entries of both sides stay in the history, in hub order.
import { canMoveTo } from '../../shared/action-status';
import { hubConflictFields, type HubHistoryEntry, type HubNote } from '../../shared/hub-protocol';
import type { RecordSyncEvent } from '../../shared/sync-protocol';
import type { ActionStatus } from '../../shared/model';
import {
  fieldValue,
  type FieldChange,
  type FieldValue,
  type StoredAction,
  type TrackedField,
  type Writer,
} from './stored-action';

export type ActionEvent = Extract<RecordSyncEvent, { action: unknown }>;

const coachFields = hubConflictFields.filter((field) => field !== 'status');

/** A conflict as the hub keeps it beside the action (a note without its id and time). */
export type ConflictRecord = Omit<Extract<HubNote, { kind: 'conflict' }>, 'kind' | 'id' | 'at'>;

const fieldLabels: Record<TrackedField, string> = {
  text: 'Action',
  owner: 'Owner',
  dueDate: 'Due date',
  verification: 'Verification',
  isExperiment: 'Experiment',
  deleted: 'Trash',
  status: 'Status',
};

/** A conflict in one sentence, as the coach and the program manager read it. */
function conflictSummary(conflict: Omit<ConflictRecord, 'summary'>): string {
  const who =
    conflict.lostBy === 'upstream' ? `changed upstream by ${conflict.lostAuthor}` : `set on ${conflict.lostAuthor}`;
  return `${fieldLabels[conflict.field]}: kept “${conflict.keptValue}”, replaced “${conflict.lostValue}” (${who})`;
}

/** What one write did: the action after it, the fields it set (for the change log), its conflicts. */
export type MergeOutcome = {
  action: StoredAction;
  changedFields: Partial<Record<TrackedField, FieldValue>>;
  conflicts: ConflictRecord[];
};

type MergeContext = {
  /** The hub revision the device had pulled to; 0 before its first pull. */
  base: number;
  writer: Writer;
  /** The revision this write takes if it changes anything. */
  revision: number;
  /** A field's value as it stood at `base`, from the change log; asked only when a newer change exists. */
  valueAtBase: (field: TrackedField) => FieldValue;
};

const millis = (iso: string) => Date.parse(iso);
const historyKey = (entry: HubHistoryEntry) => `${entry.status}|${entry.at}|${entry.source}`;

/** A value as a coach or manager reads it in a conflict note. */
function describeValue(field: TrackedField, value: FieldValue): string {
  if (field === 'deleted') return value ? 'moved to the trash' : 'kept';
  if (field === 'isExperiment') return value ? 'an experiment' : 'not an experiment';
  if (value === null || value === '') return field === 'dueDate' ? 'no due date' : '(empty)';
  return String(value);
}

function incomingFields(event: ActionEvent) {
  const { action } = event;
  return {
    text: action.text,
    owner: action.owner,
    dueDate: action.dueDate,
    verification: action.verification,
    isExperiment: action.isExperiment,
    deletedAt: action.deletedAt === null ? null : millis(action.deletedAt),
    status: action.status,
  };
}

/** Does merging a push into `current` need the change log (some field changed after the device's cursor)? */
export function needsChangeLog(current: StoredAction, base: number): boolean {
  return hubConflictFields.some((field) => current.fieldChanges[field].revision > base);
}

/** The value `field` had at `revision`, from a change log sorted by revision (its first entry holds every field). */
export function valueAt(
  log: { revision: number; fields: Record<string, unknown> }[],
  field: TrackedField,
  revision: number,
): FieldValue {
  let value: FieldValue = null;
  for (const entry of log) {
    if (entry.revision > revision && entry !== log[0]) break;
    if (field in entry.fields) value = entry.fields[field] as FieldValue;
  }
  return value;
}

function createAction(
  event: ActionEvent,
  owner: { coachId: string; organisationId: string },
  context: MergeContext,
): MergeOutcome {
  const { action } = event;
  // A coach cannot write history that claims to come from upstream.
  const coachHistory = action.history.filter((entry) => entry.source === 'coach');
  const history: HubHistoryEntry[] = coachHistory.length
    ? coachHistory
    : [{ status: action.status, at: action.createdAt, reason: null, source: 'coach' }];
  const change: FieldChange = { ...context.writer, revision: context.revision };
  const created: StoredAction = {
    id: action.id,
    ...owner,
    participant: event.participant,
    sessionId: action.sessionId,
    ...incomingFields(event),
    status: history[history.length - 1].status,
    blockedReason: action.blockedReason,
    createdAt: millis(action.createdAt),
    updatedAt: millis(action.updatedAt),
    history,
    fieldChanges: Object.fromEntries(hubConflictFields.map((field) => [field, change])) as StoredAction['fieldChanges'],
    revision: context.revision,
    createdRevision: context.revision,
  };
  const changedFields = Object.fromEntries(hubConflictFields.map((field) => [field, fieldValue(created, field)]));
  return { action: created, changedFields, conflicts: [] };
}

function sameParticipant(a: StoredAction['participant'], b: StoredAction['participant']): boolean {
  return a.sharing === b.sharing && a.displayName === b.displayName;
}

/** Merges a coach's push into the hub's copy (null: new to the hub). Null when it changes nothing. */
export function mergeCoachEvent(
  current: StoredAction | null,
  event: ActionEvent,
  owner: { coachId: string; organisationId: string },
  context: MergeContext,
): MergeOutcome | null {
  if (!current) return createAction(event, owner, context);
  const incoming = incomingFields(event);
  const next: StoredAction = { ...current, fieldChanges: { ...current.fieldChanges } };
  const changedFields: MergeOutcome['changedFields'] = {};
  const conflicts: ConflictRecord[] = [];
  const change: FieldChange = { ...context.writer, revision: context.revision };

  const accept = (field: TrackedField, theirs: FieldValue, ours: FieldValue) => {
    const last = current.fieldChanges[field];
    if (last.revision > context.base && last.tokenId !== context.writer.tokenId) {
      const conflict = {
        field,
        keptValue: describeValue(field, theirs),
        lostValue: describeValue(field, ours),
        lostBy: last.source,
        lostAuthor: last.author,
      };
      conflicts.push({ ...conflict, summary: conflictSummary(conflict) });
    }
    changedFields[field] = theirs;
    next.fieldChanges[field] = change;
  };

  for (const field of coachFields) {
    const theirs = fieldValue(incoming, field);
    const ours = fieldValue(current, field);
    if (theirs === ours) continue;
    const changedSinceBase = current.fieldChanges[field].revision > context.base;
    // Carried along from an older state: the device did not change it, so the hub's value stays.
    if (changedSinceBase && theirs === context.valueAtBase(field)) continue;
    accept(field, theirs, ours);
    if (field === 'deleted') next.deletedAt = incoming.deletedAt;
    else Object.assign(next, { [field]: theirs });
  }

  const known = new Set(current.history.map(historyKey));
  const added = event.action.history.filter((entry) => entry.source === 'coach' && !known.has(historyKey(entry)));
  if (added.length > 0) {
    next.history = [...current.history, ...added];
    const status: ActionStatus = added[added.length - 1].status;
    if (status !== current.status) {
      accept('status', status, current.status);
      next.status = status;
      next.blockedReason = status === 'blocked' ? event.action.blockedReason : '';
    }
  }

  const participantChanged = !sameParticipant(current.participant, event.participant);
  // The pseudonym stays the one the action arrived with: another device may know the participant by another id.
  if (participantChanged) next.participant = { ...event.participant, ref: current.participant.ref };

  if (Object.keys(changedFields).length === 0 && added.length === 0 && !participantChanged) return null;
  next.updatedAt = Math.max(current.updatedAt, millis(event.action.updatedAt));
  next.revision = context.revision;
  return { action: next, changedFields, conflicts };
}

type UpstreamStatus = { status: Extract<ActionStatus, 'done' | 'verified'>; note?: string };

export class UpstreamMoveError extends Error {}

/** A program manager's status change: the hub's latest change of the status, by hub order. */
export function applyUpstreamStatus(
  current: StoredAction,
  update: UpstreamStatus,
  writer: Writer,
  at: number,
  revision: number,
): MergeOutcome | null {
  if (current.status === update.status) return null;
  if (current.deletedAt !== null) throw new UpstreamMoveError('The coach has deleted this action');
  if (!canMoveTo(current.status, update.status)) {
    throw new UpstreamMoveError(`An action that is ${current.status} cannot be marked ${update.status}`);
  }
  const note = update.note?.trim();
  const entry: HubHistoryEntry = {
    status: update.status,
    at: new Date(at).toISOString(),
    reason: `By ${writer.author}${note ? `: ${note}` : ''}`,
    source: 'upstream',
  };
  return {
    action: {
      ...current,
      status: update.status,
      blockedReason: '',
      history: [...current.history, entry],
      fieldChanges: { ...current.fieldChanges, status: { ...writer, revision } },
      updatedAt: Math.max(current.updatedAt, at),
      revision,
    },
    changedFields: { status: update.status },
    conflicts: [],
  };
}
