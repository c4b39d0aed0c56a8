// Action items from the session action log. Every create and change is queued for sync in the
// same transaction as the record itself.
import {
  actionSchema,
  isInTrash,
  isLive,
  type Action,
  type ActionNote,
  type ActionStatus,
  type CalendarDate,
} from '../../shared/model';
import { applyStatusMove, StatusMoveError } from '../../shared/action-status';
import type { FollowthroughDatabase } from './database';
import { enqueueChange, enqueueNewRecords, outboxTables } from './outbox';
import { validated, type Clock } from './write';

export type ActionDraft = Partial<Omit<Action, 'id' | 'createdAt' | 'updatedAt' | 'history' | 'status'>> &
  Pick<Action, 'participantId' | 'text'>;
type ActionQuery = {
  statuses: readonly ActionStatus[];
  participantId?: string;
  where?: (action: Action) => boolean;
};
type ActionPatch = Partial<Pick<Action, 'text' | 'owner' | 'dueDate' | 'verification' | 'isExperiment'>>;

/** What a bulk status change did: how many actions moved, and which were refused and why. */
export type BulkStatusResult = { moved: number; refused: { id: string; reason: string }[] };

export function actionsRepository(db: FollowthroughDatabase, now: Clock) {
  /**
   * The blocked, then the open, actions a query gives, each read whole rather than through a
   * filtered cursor: sealed records are opened in one batch instead of one wait per record.
   */
  const unfinished = async (query: (status: ActionStatus) => { toArray(): Promise<Action[]> }) =>
    (await Promise.all((['blocked', 'open'] as const).map((status) => query(status).toArray()))).flat();

  const tables = [db.actions, ...outboxTables(db)];

  function build(draft: ActionDraft, at: number): Action {
    return validated(actionSchema, {
      sessionId: null,
      owner: '',
      dueDate: null,
      verification: '',
      blockedReason: '',
      isExperiment: false,
      ...draft,
      status: 'open',
      history: [{ status: 'open', at, source: 'coach' }],
      id: crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
    });
  }

  async function saveAndQueue(action: Action): Promise<void> {
    await db.actions.put(action);
    await enqueueChange(db, 'action', action, action.participantId);
  }

  async function change(id: string, edit: (current: Action) => Action): Promise<Action> {
    return db.transaction('rw', tables, async () => {
      const current = await db.actions.get(id);
      if (!current) throw new Error('That action no longer exists');
      const next = validated(actionSchema, edit(current));
      if (next === current) return current;
      await saveAndQueue(next);
      return next;
    });
  }

  return {
    async add(draft: ActionDraft): Promise<Action> {
      const action = build(draft, now());
      await db.transaction('rw', tables, () => saveAndQueue(action));
      return action;
    },

    /** Writes many new actions in one transaction; used by imports and the demo data. */
    async addMany(drafts: ActionDraft[]): Promise<Action[]> {
      const at = now();
      const actions = drafts.map((draft) => build(draft, at));
      await db.transaction('rw', tables, async () => {
        await db.actions.bulkAdd(actions);
        await enqueueNewRecords(db, 'action', actions);
      });
      return actions;
    },

    update: (id: string, patch: ActionPatch) =>
      change(id, (current) => ({ ...current, ...patch, id, updatedAt: now() })),

    setStatus: (id: string, status: ActionStatus, reason?: string) =>
      change(id, (current) => applyStatusMove(current, { status, reason, at: now(), source: 'coach' })),

    /**
     * Moves each action to `status` in one transaction. A move the rules do not allow (say,
     * dropped → done) is left out and named in `refused` with the reason; any other failure
     * rejects, and nothing is written.
     */
    async setStatusMany(ids: string[], status: ActionStatus): Promise<BulkStatusResult> {
      const result: BulkStatusResult = { moved: 0, refused: [] };
      await db.transaction('rw', tables, async () => {
        for (const id of ids) {
          const current = await db.actions.get(id);
          // One in the trash (deleted since it was ticked) is not the coach's to complete now.
          if (!current || isInTrash(current) || current.status === status) continue;
          let next: Action;
          try {
            next = applyStatusMove(current, { status, at: now(), source: 'coach' });
          } catch (cause) {
            if (!(cause instanceof StatusMoveError)) throw cause;
            result.refused.push({ id, reason: cause.message });
            continue;
          }
          await saveAndQueue(next);
          result.moved += 1;
        }
      });
      return result;
    },

    get: (id: string) => db.actions.get(id),

    /** Whether any action is out of the trash. */
    hasAny: async () => (await db.actions.filter(isLive).first()) !== undefined,

    /** The actions not in the trash with one of `statuses`, of one participant if named, that pass `where`. */
    list({ statuses, participantId, where = () => true }: ActionQuery): Promise<Action[]> {
      const candidates = participantId
        ? db.actions
            .where('participantId')
            .equals(participantId)
            .filter((action) => statuses.includes(action.status))
        : db.actions.where('status').anyOf(statuses);
      return candidates.filter((action) => isLive(action) && where(action)).toArray();
    },

    /** The actions logged in a session, not in the trash, in the order they were logged. */
    ofSession: (sessionId: string) =>
      db.actions.where('sessionId').equals(sessionId).filter(isLive).sortBy('createdAt'),

    /** The actions not in the trash logged in any of these sessions. */
    ofSessions: (sessionIds: string[]) => db.actions.where('sessionId').anyOf(sessionIds).filter(isLive).toArray(),

    /** A participant's actions still to be done (open or blocked), not in the trash, oldest first. */
    unfinishedOf: async (participantId: string) =>
      (await unfinished((status) => db.actions.where('[participantId+status]').equals([participantId, status])))
        .filter(isLive)
        .sort((a, b) => a.createdAt - b.createdAt),

    /** Open and blocked actions not in the trash due on or before `day`. */
    dueBy: async (day: CalendarDate) =>
      // Through the status index: unfinished actions are few, while years of finished ones share due dates.
      (await unfinished((status) => db.actions.where('status').equals(status))).filter(
        (action) => isLive(action) && action.dueDate !== null && action.dueDate <= day,
      ),

    /** Open and blocked actions not in the trash due on `day`, read through the due-date index. */
    dueOn: (day: CalendarDate) =>
      db.actions
        .where('dueDate')
        .equals(day)
        .filter((action) => isLive(action) && (action.status === 'open' || action.status === 'blocked'))
        .toArray(),

    /** The hub's comments and conflict notes on an action, oldest first. */
    notes: (actionId: string): Promise<ActionNote[]> => db.actionNotes.where('actionId').equals(actionId).sortBy('at'),
  };
}
