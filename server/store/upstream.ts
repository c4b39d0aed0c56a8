// What a program manager changes on the hub: an action's status (done, verified) and comments.
import type { SqlExecutor } from '../db/sql';
import type { HubAction, HubStatusUpdate } from '../../shared/hub-protocol';
import type { ManagerPrincipal } from '../auth/tokens';
import { applyUpstreamStatus } from '../sync/merge-action';
import { toHubAction, type StoredAction, type Writer } from '../sync/stored-action';
import { actionColumns, addNotes, appendChanges, fromRow, loadNotes, saveActions, type NewNote } from './action-rows';
import { lockCoach, saveCounter, type RevisionCounter } from './coach-lock';

const writerOf = (manager: ManagerPrincipal): Writer => ({
  source: 'upstream',
  author: manager.label,
  tokenId: manager.tokenId,
});

type Locked = { action: StoredAction; counter: RevisionCounter };

/** The organisation's action with its coach locked for a write; null when it is not the manager's to see. */
async function lockAction(tx: SqlExecutor, manager: ManagerPrincipal, actionId: string): Promise<Locked | null> {
  const [owner] = await tx.query<{ coach_id: string }>(
    'SELECT coach_id FROM actions WHERE id = $1 AND organisation_id = $2',
    [actionId, manager.organisationId],
  );
  if (!owner) return null;
  const counter = await lockCoach(tx, owner.coach_id);
  const [row] = await tx.query<Parameters<typeof fromRow>[0]>(
    `SELECT ${actionColumns} FROM actions a WHERE a.id = $1`,
    [actionId],
  );
  return { action: fromRow(row), counter };
}

async function withNotes(tx: SqlExecutor, action: StoredAction): Promise<HubAction> {
  const notes = await loadNotes(tx, [action.id]);
  return toHubAction(action, notes.get(action.id) ?? []);
}

type UpstreamWrite = { action: StoredAction; changedFields: Record<string, unknown>; notes: NewNote[] };

/**
 * One program manager write: locks the action's coach, lets `decide` say what changes (null:
 * nothing), and records it with the coach's next revision, so the coach's devices pull it.
 */
async function writeUpstream(
  tx: SqlExecutor,
  manager: ManagerPrincipal,
  actionId: string,
  now: number,
  decide: (current: StoredAction, revision: number, writer: Writer) => UpstreamWrite | null,
): Promise<HubAction | null> {
  const locked = await lockAction(tx, manager, actionId);
  if (!locked) return null;
  const { action: current, counter } = locked;
  const writer = writerOf(manager);
  const write = decide(current, counter.peek(), writer);
  if (!write) return withNotes(tx, current);
  counter.take();
  await saveActions(tx, [write.action]);
  await appendChanges(tx, [
    {
      actionId,
      revision: write.action.revision,
      source: 'upstream',
      author: writer.author,
      at: now,
      fields: write.changedFields,
    },
  ]);
  await addNotes(tx, write.notes);
  await saveCounter(tx, current.coachId, counter);
  return withNotes(tx, write.action);
}

export function setUpstreamStatus(
  tx: SqlExecutor,
  manager: ManagerPrincipal,
  actionId: string,
  update: HubStatusUpdate,
  now: number,
): Promise<HubAction | null> {
  return writeUpstream(tx, manager, actionId, now, (current, revision, writer) => {
    const merged = applyUpstreamStatus(current, update, writer, now, revision);
    return merged && { action: merged.action, changedFields: merged.changedFields, notes: [] };
  });
}

export function addComment(
  tx: SqlExecutor,
  manager: ManagerPrincipal,
  actionId: string,
  text: string,
  now: number,
): Promise<HubAction | null> {
  return writeUpstream(tx, manager, actionId, now, (current, revision, writer) => ({
    action: { ...current, revision },
    changedFields: {},
    notes: [{ actionId, at: now, note: { kind: 'comment', author: writer.author, text } }],
  }));
}
