// A device's pull: the coach's actions that changed after its cursor, in hub order, a page at a
// time. Each action comes once, in its current state, with its notes.
import type { SqlExecutor } from '../db/sql';
import type { HubPullResponse } from '../../shared/hub-protocol';
import { toHubAction } from '../sync/stored-action';
import { actionColumns, fromRow, loadNotes } from './action-rows';

export async function pullChanges(
  db: SqlExecutor,
  coachId: string,
  cursor: number,
  limit: number,
): Promise<HubPullResponse> {
  const [coach] = await db.query<{ revision: number }>('SELECT revision FROM coaches WHERE id = $1', [coachId]);
  // A cursor beyond the coach's counter comes from a hub whose data was replaced: start over.
  const after = cursor > coach.revision ? 0 : cursor;
  const rows = await db.query<Parameters<typeof fromRow>[0]>(
    `SELECT ${actionColumns} FROM actions a WHERE a.coach_id = $1 AND a.revision > $2 ORDER BY a.revision LIMIT $3`,
    [coachId, after, limit + 1],
  );
  const page = rows.slice(0, limit).map(fromRow);
  const notes = await loadNotes(
    db,
    page.map((action) => action.id),
  );
  return {
    actions: page.map((action) => toHubAction(action, notes.get(action.id) ?? [])),
    cursor: String(page.length > 0 ? page[page.length - 1].revision : after),
    hasMore: rows.length > limit,
  };
}
