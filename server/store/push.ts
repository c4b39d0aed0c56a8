// A coach's push: every event applied once (idempotency keys are remembered per coach), actions
// merged with the conflict rule, and the hub's version of each action returned.
import type { SqlExecutor } from '../db/sql';
import type { HubPushRequest, HubPushResponse, HubPushResult } from '../../shared/hub-protocol';
import type { SyncEvent } from '../../shared/sync-protocol';
import { mergeCoachEvent, needsChangeLog, valueAt, type ActionEvent, type MergeOutcome } from '../sync/merge-action';
import { toHubAction, type StoredAction, type Writer } from '../sync/stored-action';
import type { CoachPrincipal } from '../auth/tokens';
import {
  addNotes,
  appendChanges,
  conflictNote,
  loadActions,
  loadChangeLogs,
  loadNotes,
  saveActions,
  type ChangeLogEntry,
  type NewNote,
} from './action-rows';
import { lockCoach, saveCounter } from './coach-lock';
import { saveCommitments } from './commitments';

const isAction = (event: SyncEvent): event is ActionEvent =>
  event.type === 'action.upserted' || event.type === 'action.deleted';

async function seenKeys(tx: SqlExecutor, coachId: string, keys: string[]): Promise<Set<string>> {
  const rows = await tx.query<{ idempotency_key: string }>(
    'SELECT idempotency_key FROM push_receipts WHERE coach_id = $1 AND idempotency_key = ANY($2::text[])',
    [coachId, keys],
  );
  return new Set(rows.map((row) => row.idempotency_key));
}

async function remember(tx: SqlExecutor, coachId: string, events: SyncEvent[], at: number): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO push_receipts (coach_id, idempotency_key, record_id, received_at)
     SELECT $1, key, record_id, $2 FROM jsonb_to_recordset($3::jsonb) AS r(key text, record_id uuid)
     ON CONFLICT DO NOTHING`,
    [coachId, at, JSON.stringify(events.map((event) => ({ key: event.idempotencyKey, record_id: recordIdOf(event) })))],
  );
}

function recordIdOf(event: SyncEvent): string | null {
  if ('action' in event) return event.action.id;
  if ('commitment' in event) return event.commitment.id;
  return null;
}

export async function applyPush(
  tx: SqlExecutor,
  coach: CoachPrincipal,
  request: HubPushRequest,
  now: number,
): Promise<HubPushResponse> {
  const counter = await lockCoach(tx, coach.coachId);
  const base = request.baseCursor === null ? 0 : Number(request.baseCursor);
  const writer: Writer = { source: 'coach', author: coach.label || coach.coachName, tokenId: coach.tokenId };
  const owner = { coachId: coach.coachId, organisationId: coach.organisationId };

  const seen = await seenKeys(
    tx,
    coach.coachId,
    request.events.map((event) => event.idempotencyKey),
  );
  const fresh: SyncEvent[] = [];
  const outcomes = new Map<string, Pick<HubPushResult, 'outcome' | 'detail'>>();
  for (const event of request.events) {
    if (seen.has(event.idempotencyKey)) outcomes.set(event.idempotencyKey, { outcome: 'duplicate', detail: '' });
    else {
      seen.add(event.idempotencyKey);
      fresh.push(event);
    }
  }

  const actionIds = [...new Set(request.events.filter(isAction).map((event) => event.action.id))];
  const actions = await loadActions(tx, actionIds);
  const logged = [...actions.values()].filter((action) => needsChangeLog(action, base)).map((action) => action.id);
  const logs = await loadChangeLogs(tx, logged);

  const changed = new Map<string, StoredAction>();
  const changeLog: ChangeLogEntry[] = [];
  const notes: NewNote[] = [];
  const accepted: SyncEvent[] = [];
  const refuse = (event: SyncEvent, detail: string) =>
    outcomes.set(event.idempotencyKey, { outcome: 'refused', detail });

  for (const event of fresh) {
    if (!isAction(event)) {
      if (event.type === 'test.ping')
        outcomes.set(event.idempotencyKey, { outcome: 'ignored', detail: 'Test event received' });
      accepted.push(event);
      continue;
    }
    const current = actions.get(event.action.id) ?? null;
    if (current && current.coachId !== coach.coachId) {
      refuse(event, 'This action id is already in use on the hub');
      continue;
    }
    const log = logs.get(event.action.id) ?? [];
    const revision = counter.peek();
    let merged: MergeOutcome | null;
    try {
      merged = mergeCoachEvent(current, event, owner, {
        base,
        writer,
        revision,
        valueAtBase: (field) => valueAt(log, field, Math.max(base, current?.createdRevision ?? 0)),
      });
    } catch (error) {
      refuse(event, error instanceof Error ? error.message : 'This change could not be merged');
      continue;
    }
    accepted.push(event);
    outcomes.set(event.idempotencyKey, { outcome: 'applied', detail: merged ? '' : 'Already up to date' });
    if (!merged) continue;
    counter.take();
    actions.set(merged.action.id, merged.action);
    changed.set(merged.action.id, merged.action);
    const entry = {
      actionId: merged.action.id,
      revision,
      source: 'coach',
      author: writer.author,
      at: now,
      fields: merged.changedFields,
    };
    changeLog.push(entry);
    log.push(entry);
    notes.push(...merged.conflicts.map((conflict) => conflictNote(merged.action.id, now, conflict)));
  }

  const written = await saveActions(tx, [...changed.values()]);
  for (const event of accepted) {
    if (isAction(event) && changed.has(event.action.id) && !written.has(event.action.id)) {
      refuse(event, 'This action id is already in use on the hub');
    }
  }
  await appendChanges(
    tx,
    changeLog.filter((entry) => written.has(entry.actionId)),
  );
  await addNotes(
    tx,
    notes.filter((note) => written.has(note.actionId)),
  );
  await saveCommitments(tx, owner, fresh, now);
  await remember(
    tx,
    coach.coachId,
    accepted.filter((event) => outcomes.get(event.idempotencyKey)?.outcome !== 'refused'),
    now,
  );
  await saveCounter(tx, coach.coachId, counter);

  const finalNotes = await loadNotes(tx, actionIds);
  const results = request.events.map((event): HubPushResult => {
    const { outcome, detail } = outcomes.get(event.idempotencyKey) ?? { outcome: 'duplicate', detail: '' };
    const action = isAction(event) && outcome !== 'refused' ? actions.get(event.action.id) : undefined;
    return {
      idempotencyKey: event.idempotencyKey,
      outcome,
      detail,
      action: action && action.coachId === coach.coachId ? toHubAction(action, finalNotes.get(action.id) ?? []) : null,
    };
  });
  return { batchId: request.batchId, results };
}
