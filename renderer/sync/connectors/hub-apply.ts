// Applies what a pull from the hub brought, in one transaction, without queueing anything: a
// write made by sync is never pushed back. The hub has already applied the conflict rule, so an
// action with no unsent local change takes the hub's state whole; one with unsent changes keeps
// them (they win when pushed, by hub order) and takes only the status history the hub added.
// Comments and conflict notes land in actionNotes, where the action's history shows them.
import { actionNoteSchema, actionSchema, type Action, type ActionNote, type StatusChange } from '../../../shared/model';
import { hubActionSchema, type HubAction, type HubHistoryEntry, type HubNote } from '../../../shared/hub-protocol';
import type { z } from 'zod';
import { createLogger } from '../../../shared/logger';
import type { FollowthroughDatabase } from '../../db/database';
import { participantsRepository } from '../../db/participants';
import type { Clock } from '../../db/write';
import { pseudonymsOf } from '../sharing';
import { excerpt } from '../transport';
import type { PullApplied, PulledChange } from './connector';

const log = createLogger('hub-apply');

/** Which local participant each pseudonym the hub uses stands for, when no local id hashes to it. */
const participantMapKey = 'sync.hub.participants';

/**
 * The pseudonyms (one-way hashes, no names) of participants erased on this device. What the hub
 * still holds of them is not brought back by a pull: erasure must not be undone by the next sync.
 */
const erasedParticipantsKey = 'sync.erased-participants';

async function readErasedParticipantRefs(db: FollowthroughDatabase): Promise<Set<string>> {
  const stored = (await db.settings.get(erasedParticipantsKey))?.value;
  return new Set(Array.isArray(stored) ? stored.filter((ref): ref is string => typeof ref === 'string') : []);
}

/**
 * Records the participant's pseudonyms (their own, and any the hub gave them on this device) as
 * erased, so a pull never brings them back, and drops them from the hub's map of participants.
 */
export async function rememberErasedParticipant(
  db: FollowthroughDatabase,
  participantId: string,
  ownRefs: string[],
): Promise<void> {
  const mapSetting = await db.settings.get(participantMapKey);
  const map = { ...((mapSetting?.value as Record<string, string> | undefined) ?? {}) };
  const erased = await readErasedParticipantRefs(db);
  for (const ref of ownRefs) erased.add(ref);
  for (const [ref, localId] of Object.entries(map)) {
    if (localId !== participantId) continue;
    erased.add(ref);
    delete map[ref];
  }
  await db.settings.put({ key: erasedParticipantsKey, value: [...erased] });
  if (mapSetting) await db.settings.put({ key: participantMapKey, value: map });
}

const ERASED_NOT_KEPT = 'an action of a participant erased on this device: erased people are not brought back by sync';

const millis = (iso: string) => Date.parse(iso);
const firstIssue = (error: z.ZodError) => {
  const [issue] = error.issues;
  return issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'not valid';
};
const historyKey = (entry: Pick<StatusChange, 'status' | 'at' | 'source'>) =>
  `${entry.status}|${entry.at}|${entry.source}`;

function localHistory(entries: HubHistoryEntry[]): StatusChange[] {
  return entries.map((entry) => ({
    status: entry.status,
    at: millis(entry.at),
    source: entry.source,
    ...(entry.reason ? { reason: entry.reason } : {}),
  }));
}

function localNote(actionId: string, note: HubNote): ActionNote {
  const base = { id: note.id, actionId, at: millis(note.at), kind: note.kind };
  return note.kind === 'comment'
    ? { ...base, author: note.author, text: note.text }
    : { ...base, author: note.lostAuthor, text: note.summary };
}

/** The local action after a pull: the hub's state, or, with unsent local changes, those changes over the hub's history. */
/** The fields of a local action that the hub's version decides, when nothing local is unsent. */
function hubState(hub: HubAction) {
  return {
    text: hub.text,
    owner: hub.owner,
    dueDate: hub.dueDate,
    verification: hub.verification,
    status: hub.status,
    blockedReason: hub.blockedReason,
    isExperiment: hub.isExperiment,
    history: localHistory(hub.history),
    ...(hub.deletedAt ? { deletedAt: millis(hub.deletedAt) } : {}),
  };
}

export function mergePulled(local: Action, hub: HubAction, hasUnsentChanges: boolean): Action {
  if (!hasUnsentChanges) {
    const { deletedAt: _deleted, ...rest } = local;
    return { ...rest, ...hubState(hub), updatedAt: Math.max(local.updatedAt, millis(hub.updatedAt)) };
  }
  const hubHistory = localHistory(hub.history);
  const known = new Set(hubHistory.map(historyKey));
  const unsent = local.history.filter((entry) => entry.source === 'coach' && !known.has(historyKey(entry)));
  if (unsent.length > 0) return { ...local, history: [...hubHistory, ...unsent] };
  return { ...local, history: hubHistory, status: hub.status, blockedReason: hub.blockedReason };
}

/** JSON with keys in a fixed order, so two equal records compare equal whatever order their keys were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameAction = (a: Action, b: Action) => canonical(a) === canonical(b);

export function createHubApplier(db: FollowthroughDatabase, now: Clock) {
  const participants = participantsRepository(db, now);

  /** Each pseudonym of each local participant, renewed ones included. Hashing is not IndexedDB work, so it runs before the transaction. */
  async function pseudonyms(): Promise<Map<string, string>> {
    const locals = await db.participants.toArray();
    const refs = await Promise.all(
      locals.map(async (local) => (await pseudonymsOf(local)).map((ref) => [ref, local.id] as const)),
    );
    return new Map(refs.flat());
  }

  /** Finds the local participant of a pseudonym, creating one (named as the hub knows them) when none matches. */
  async function participantResolver(hashed: Map<string, string>) {
    const stored = (await db.settings.get(participantMapKey))?.value;
    const known = new Map<string, string>(Object.entries((stored as Record<string, string> | undefined) ?? {}));
    let added = false;
    return {
      async resolve(participant: HubAction['participant']): Promise<string> {
        const existing = hashed.get(participant.ref) ?? known.get(participant.ref);
        if (existing && (await db.participants.get(existing))) return existing;
        const created = await participants.create({
          // The protocol allows any name; a participant's is 1 to 200 characters.
          name: participant.displayName?.trim().slice(0, 200) || `Participant ${participant.ref}`,
          notes: 'Added by sync: their actions came from the hub (another of your devices).',
          consent: { keepNotes: true, shareActions: participant.sharing, aiProcessing: false },
        });
        known.set(participant.ref, created.id);
        added = true;
        return created.id;
      },
      async save() {
        if (added) await db.settings.put({ key: participantMapKey, value: Object.fromEntries(known) });
      },
    };
  }

  async function newLocalAction(hub: HubAction, participantId: string): Promise<Action> {
    const session = hub.sessionId ? await db.sessions.get(hub.sessionId) : undefined;
    return {
      id: hub.id,
      participantId,
      sessionId: session ? session.id : null,
      ...hubState(hub),
      createdAt: millis(hub.createdAt),
      updatedAt: millis(hub.updatedAt),
    };
  }

  /**
   * Applies pulled actions and their notes in one transaction; nothing enters the outbox. Answers
   * how many local actions changed (an echo of this device's own push changes none), and why any
   * this device's rules refuse was not kept.
   */
  return async function applyPulled(changes: PulledChange[]): Promise<PullApplied> {
    const pulled = changes
      .filter((change) => change.recordType === 'action')
      .map((change) => hubActionSchema.parse(change.fields));
    if (pulled.length === 0) return { changed: 0, notKept: [] };
    const hashed = await pseudonyms();
    const tables = [db.actions, db.actionNotes, db.participants, db.sessions, db.outbox, db.settings];
    return db.transaction('rw', tables, async () => {
      const ids = pulled.map((action) => action.id);
      const locals = await db.actions.bulkGet(ids);
      const unsent = new Set((await db.outbox.where('recordId').anyOf(ids).toArray()).map((entry) => entry.recordId));
      const resolver = await participantResolver(hashed);
      const erased = await readErasedParticipantRefs(db);
      const writes: Action[] = [];
      const notes: ActionNote[] = [];
      const notKept: string[] = [];
      for (const [index, hub] of pulled.entries()) {
        const local = locals[index];
        if (!local && hub.deletedAt) continue;
        if (!local && erased.has(hub.participant.ref)) {
          notKept.push(ERASED_NOT_KEPT);
          continue;
        }
        const next = local
          ? mergePulled(local, hub, unsent.has(hub.id))
          : await newLocalAction(hub, await resolver.resolve(hub.participant));
        const checked = actionSchema.safeParse(next);
        if (!checked.success) {
          log.warn(`skipped hub action ${hub.id}: ${checked.error.issues[0]?.message}`);
          notKept.push(`the action "${excerpt(hub.text)}": ${firstIssue(checked.error)}`);
          continue;
        }
        if (!local || !sameAction(local, checked.data)) writes.push(checked.data);
        for (const note of hub.notes) {
          const checked = actionNoteSchema.safeParse(localNote(hub.id, note));
          if (checked.success) notes.push(checked.data);
          else {
            log.warn(`skipped hub note ${note.id}: ${checked.error.issues[0]?.message}`);
            notKept.push(`a note on "${excerpt(hub.text)}": ${firstIssue(checked.error)}`);
          }
        }
      }
      const known = new Set((await db.actionNotes.bulkGet(notes.map((note) => note.id))).map((note) => note?.id));
      const newNotes = notes.filter((note) => !known.has(note.id));
      await db.actions.bulkPut(writes);
      await db.actionNotes.bulkPut(newNotes);
      await resolver.save();
      const changed = new Set(
        [...writes, ...newNotes].map((record) => ('actionId' in record ? record.actionId : record.id)),
      );
      return { changed: changed.size, notKept };
    });
  };
}
