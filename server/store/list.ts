// Actions across the coaches of one organisation, filtered, for the program manager page and
// its CSV export. A coach's token lists only that coach's actions.
import type { SqlExecutor } from '../db/sql';
import type { HubActionFilter, HubListedAction } from '../../shared/hub-protocol';
import type { Principal } from '../auth/tokens';
import { toHubAction } from '../sync/stored-action';
import { actionColumns, fromRow, loadNotes } from './action-rows';

const DEFAULT_LIST_LIMIT = 200;

/** The WHERE clause and its parameters; every value is a parameter, never spliced into the SQL. */
function whereClause(principal: Principal, filter: HubActionFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [principal.organisationId];
  const conditions = ['a.organisation_id = $1'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (principal.role === 'coach') add((p) => `a.coach_id = ${p}`, principal.coachId);
  if (filter.coach) add((p) => `a.coach_id = ${p}`, filter.coach);
  if (filter.status) add((p) => `a.status = ${p}`, filter.status);
  if (filter.dueBefore) add((p) => `a.due_date < ${p}`, filter.dueBefore);
  if (filter.q) {
    add(
      (p) =>
        `(strpos(lower(a.text), lower(${p})) > 0 OR strpos(lower(a.owner), lower(${p})) > 0 OR strpos(lower(a.participant_label), lower(${p})) > 0)`,
      filter.q,
    );
  }
  if (filter.includeDeleted !== 'true') conditions.push('a.deleted_at IS NULL');
  return { sql: conditions.join(' AND '), params };
}

export async function listActions(
  db: SqlExecutor,
  principal: Principal,
  filter: HubActionFilter,
): Promise<{ actions: HubListedAction[]; total: number }> {
  const { sql, params } = whereClause(principal, filter);
  const limit = filter.limit ?? DEFAULT_LIST_LIMIT;
  const offset = filter.offset ?? 0;
  const rows = await db.query<Parameters<typeof fromRow>[0] & { coach_name: string; total: number }>(
    `SELECT ${actionColumns}, c.name AS coach_name, count(*) OVER ()::bigint AS total
       FROM actions a JOIN coaches c ON c.id = a.coach_id
      WHERE ${sql}
      ORDER BY a.due_date ASC NULLS LAST, a.created_at ASC, a.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  const notes = await loadNotes(
    db,
    rows.map((row) => row.id),
  );
  return {
    actions: rows.map((row) => ({
      ...toHubAction(fromRow(row), notes.get(row.id) ?? []),
      coach: { id: row.coach_id, name: row.coach_name },
    })),
    total: rows[0]?.total ?? 0,
  };
}

export async function listCoaches(db: SqlExecutor, principal: Principal): Promise<{ id: string; name: string }[]> {
  const scope = principal.role === 'coach' ? ' AND id = $2' : '';
  return db.query<{ id: string; name: string }>(
    `SELECT id, name FROM coaches WHERE organisation_id = $1${scope} ORDER BY name`,
    principal.role === 'coach' ? [principal.organisationId, principal.coachId] : [principal.organisationId],
  );
}
