// Deleting never destroys at once: a deleted session or action goes to the trash, from where it
// can be restored for 30 days before it is purged. A session takes its actions with it, and
// brings them back on restore. Deleted actions are queued for sync so upstream learns of it.
import { isInTrash, isLive, type Action } from '../../shared/model';
import type { FollowthroughDatabase } from './database';
import { enqueueChange, outboxTables } from './outbox';
import type { Clock } from './write';

export const TRASH_RETENTION_DAYS = 30;
const retentionMs = TRASH_RETENTION_DAYS * 24 * 60 * 60 * 1000;

type TrashedItem = { kind: 'session' | 'action'; id: string; title: string; deletedAt: number };

export function trashRepository(db: FollowthroughDatabase, now: Clock) {
  async function markActions(actions: Action[], deletedAt: number | undefined, at: number) {
    for (const action of actions) {
      const next = { ...action, deletedAt, updatedAt: at };
      if (deletedAt === undefined) delete next.deletedAt;
      await db.actions.put(next);
      await enqueueChange(db, 'action', next, next.participantId);
    }
  }

  return {
    async deleteSession(id: string): Promise<void> {
      await db.transaction('rw', [db.sessions, db.actions, ...outboxTables(db)], async () => {
        // Deleting a session already in the trash keeps it as it is: its actions carry the time it
        // went, and a restore brings back only the actions with that same time.
        const session = await db.sessions.get(id);
        if (!session || isInTrash(session)) return;
        const at = now();
        await db.sessions.update(id, { deletedAt: at, updatedAt: at });
        const actions = await db.actions.where('sessionId').equals(id).filter(isLive).toArray();
        await markActions(actions, at, at);
      });
    },

    async restoreSession(id: string): Promise<void> {
      await db.transaction('rw', [db.sessions, db.actions, ...outboxTables(db)], async () => {
        const session = await db.sessions.get(id);
        if (!session || isLive(session)) return;
        const at = now();
        // Only the actions that went to the trash with the session come back with it.
        const actions = await db.actions
          .where('sessionId')
          .equals(id)
          .filter((a) => a.deletedAt === session.deletedAt)
          .toArray();
        await db.sessions.update(id, { deletedAt: undefined, updatedAt: at });
        await markActions(actions, undefined, at);
      });
    },

    async deleteAction(id: string): Promise<void> {
      await db.transaction('rw', [db.actions, ...outboxTables(db)], async () => {
        const action = await db.actions.get(id);
        if (action && isLive(action)) await markActions([action], now(), now());
      });
    },

    async restoreAction(id: string): Promise<void> {
      await db.transaction('rw', [db.actions, ...outboxTables(db)], async () => {
        const action = await db.actions.get(id);
        if (action && isInTrash(action)) await markActions([action], undefined, now());
      });
    },

    async list(): Promise<TrashedItem[]> {
      const sessions = await db.sessions.filter(isInTrash).toArray();
      // Actions that went with their session are restored with it, so they are not listed twice.
      const sessionDeletedAt = new Map(sessions.map((s) => [s.id, s.deletedAt]));
      const actions = await db.actions
        .filter((a) => isInTrash(a) && !(a.sessionId && sessionDeletedAt.get(a.sessionId) === a.deletedAt))
        .toArray();
      const participants = new Map((await db.participants.toArray()).map((p) => [p.id, p.name]));
      return [
        ...sessions.map((s) => ({
          kind: 'session' as const,
          id: s.id,
          title: `Session with ${participants.get(s.participantId) ?? 'a removed participant'} on ${s.date}`,
          deletedAt: s.deletedAt!,
        })),
        ...actions.map((a) => ({ kind: 'action' as const, id: a.id, title: a.text, deletedAt: a.deletedAt! })),
      ].sort((a, b) => b.deletedAt - a.deletedAt);
    },

    /** Removes for good what has been in the trash longer than the retention period. */
    async purgeExpired(): Promise<number> {
      const cutoff = now() - retentionMs;
      return db.transaction('rw', [db.sessions, db.actions, db.actionNotes, db.actionReviews], async () => {
        const sessions = await db.sessions
          .filter((s) => s.deletedAt !== undefined && s.deletedAt < cutoff)
          .primaryKeys();
        const actions = await db.actions.filter((a) => a.deletedAt !== undefined && a.deletedAt < cutoff).primaryKeys();
        // The hub's comments on a purged action go with it: nothing shows them any more.
        await db.actionNotes.where('actionId').anyOf(actions).delete();
        await db.actionReviews.where('actionId').anyOf(actions).delete();
        await db.sessions.bulkDelete(sessions);
        await db.actions.bulkDelete(actions);
        return sessions.length + actions.length;
      });
    },
  };
}
