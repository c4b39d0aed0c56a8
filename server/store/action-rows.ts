// Reading and writing the hub's actions, notes and change log: the only SQL about actions.
// Many rows go in one statement through jsonb_to_recordset, which both engines run the same way.
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../db/sql';
import type { HubNote } from '../../shared/hub-protocol';
import { hubNoteSchema } from '../../shared/hub-protocol';
import { participantLabel, type StoredAction } from '../sync/stored-action';
import type { ConflictRecord } from '../sync/merge-action';

type ActionRow = {
  id: string;
  coach_id: string;
  organisation_id: string;
  participant: StoredAction['participant'];
  session_id: string | null;
  text: string;
  owner: string;
  due_date: string | null;
  verification: string;
  status: StoredAction['status'];
  blocked_reason: string;
  is_experiment: boolean;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  history: StoredAction['history'];
  field_changes: StoredAction['fieldChanges'];
  revision: number;
  created_revision: number;
};

export const actionColumns = `a.id, a.coach_id, a.organisation_id, a.participant, a.session_id, a.text, a.owner,
  a.due_date, a.verification, a.status, a.blocked_reason, a.is_experiment, a.created_at, a.updated_at, a.deleted_at,
  a.history, a.field_changes, a.revision, a.created_revision`;

export function fromRow(row: ActionRow): StoredAction {
  return {
    id: row.id,
    coachId: row.coach_id,
    organisationId: row.organisation_id,
    participant: row.participant,
    sessionId: row.session_id,
    text: row.text,
    owner: row.owner,
    dueDate: row.due_date,
    verification: row.verification,
    status: row.status,
    blockedReason: row.blocked_reason,
    isExperiment: row.is_experiment,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    history: row.history,
    fieldChanges: row.field_changes,
    revision: row.revision,
    createdRevision: row.created_revision,
  };
}

function toRow(action: StoredAction) {
  return {
    id: action.id,
    coach_id: action.coachId,
    organisation_id: action.organisationId,
    participant: action.participant,
    participant_label: participantLabel(action.participant),
    session_id: action.sessionId,
    text: action.text,
    owner: action.owner,
    due_date: action.dueDate,
    verification: action.verification,
    status: action.status,
    blocked_reason: action.blockedReason,
    is_experiment: action.isExperiment,
    created_at: action.createdAt,
    updated_at: action.updatedAt,
    deleted_at: action.deletedAt,
    history: action.history,
    field_changes: action.fieldChanges,
    revision: action.revision,
    created_revision: action.createdRevision,
  };
}

export async function loadActions(db: SqlExecutor, ids: string[]): Promise<Map<string, StoredAction>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<ActionRow>(`SELECT ${actionColumns} FROM actions a WHERE a.id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

/** Inserts new actions and rewrites changed ones, only where the action is the same coach's. Returns the ids written. */
export async function saveActions(db: SqlExecutor, actions: StoredAction[]): Promise<Set<string>> {
  if (actions.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(
    `INSERT INTO actions AS a (id, coach_id, organisation_id, participant, participant_label, session_id, text, owner,
       due_date, verification, status, blocked_reason, is_experiment, created_at, updated_at, deleted_at, history,
       field_changes, revision, created_revision)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, coach_id uuid, organisation_id uuid, participant jsonb,
       participant_label text, session_id uuid, text text, owner text, due_date text, verification text, status text,
       blocked_reason text, is_experiment boolean, created_at bigint, updated_at bigint, deleted_at bigint,
       history jsonb, field_changes jsonb, revision bigint, created_revision bigint)
     ON CONFLICT (id) DO UPDATE SET participant = excluded.participant, participant_label = excluded.participant_label,
       text = excluded.text, owner = excluded.owner, due_date = excluded.due_date,
       verification = excluded.verification, status = excluded.status, blocked_reason = excluded.blocked_reason,
       is_experiment = excluded.is_experiment, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at,
       history = excluded.history, field_changes = excluded.field_changes, revision = excluded.revision
     WHERE a.coach_id = excluded.coach_id
     RETURNING a.id`,
    [JSON.stringify(actions.map(toRow))],
  );
  return new Set(rows.map((row) => row.id));
}

export type ChangeLogEntry = {
  actionId: string;
  revision: number;
  source: string;
  author: string;
  at: number;
  fields: Record<string, unknown>;
};

export async function appendChanges(db: SqlExecutor, entries: ChangeLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO action_changes (action_id, revision, source, author, at, fields)
     SELECT action_id, revision, source, author, at, fields FROM jsonb_to_recordset($1::jsonb)
       AS r(action_id uuid, revision bigint, source text, author text, at bigint, fields jsonb)`,
    [
      JSON.stringify(
        entries.map((entry) => ({
          action_id: entry.actionId,
          revision: entry.revision,
          source: entry.source,
          author: entry.author,
          at: entry.at,
          fields: entry.fields,
        })),
      ),
    ],
  );
}

/** Each action's change log, oldest first. */
export async function loadChangeLogs(
  db: SqlExecutor,
  ids: string[],
): Promise<Map<string, { revision: number; fields: Record<string, unknown> }[]>> {
  const logs = new Map<string, { revision: number; fields: Record<string, unknown> }[]>();
  if (ids.length === 0) return logs;
  const rows = await db.query<{ action_id: string; revision: number; fields: Record<string, unknown> }>(
    'SELECT action_id, revision, fields FROM action_changes WHERE action_id = ANY($1::uuid[]) ORDER BY action_id, revision',
    [ids],
  );
  for (const row of rows) logs.set(row.action_id, [...(logs.get(row.action_id) ?? []), row]);
  return logs;
}

type NoteBody<N> = N extends HubNote ? Omit<N, 'id' | 'at'> : never;
export type NewNote = { actionId: string; at: number; note: NoteBody<HubNote> };

export function conflictNote(actionId: string, at: number, conflict: ConflictRecord): NewNote {
  return { actionId, at, note: { kind: 'conflict', ...conflict } };
}

export async function addNotes(db: SqlExecutor, notes: NewNote[]): Promise<void> {
  if (notes.length === 0) return;
  await db.query(
    `INSERT INTO action_notes (id, action_id, kind, at, body)
     SELECT id, action_id, kind, at, body FROM jsonb_to_recordset($1::jsonb)
       AS r(id uuid, action_id uuid, kind text, at bigint, body jsonb)`,
    [
      JSON.stringify(
        notes.map((note) => ({
          id: randomUUID(),
          action_id: note.actionId,
          kind: note.note.kind,
          at: note.at,
          body: note.note,
        })),
      ),
    ],
  );
}

/** The notes of each action, oldest first, in wire form. */
export async function loadNotes(db: SqlExecutor, ids: string[]): Promise<Map<string, HubNote[]>> {
  const notes = new Map<string, HubNote[]>();
  if (ids.length === 0) return notes;
  const rows = await db.query<{ id: string; action_id: string; at: number; body: Record<string, unknown> }>(
    'SELECT id, action_id, at, body FROM action_notes WHERE action_id = ANY($1::uuid[]) ORDER BY at, id',
    [ids],
  );
  for (const row of rows) {
    const note = hubNoteSchema.parse({ ...row.body, id: row.id, at: new Date(row.at).toISOString() });
    notes.set(row.action_id, [...(notes.get(row.action_id) ?? []), note]);
  }
  return notes;
}
