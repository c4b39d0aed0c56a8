// Contract commitments reach the hub with the actions and are kept as the coach last sent them:
// they are the coach's alone, so the newest version wins and nothing flows back.
import type { SqlExecutor } from '../db/sql';
import type { SyncEvent } from '../../shared/sync-protocol';

type CommitmentEvent = Extract<SyncEvent, { commitment: unknown }>;

export async function saveCommitments(
  tx: SqlExecutor,
  owner: { coachId: string; organisationId: string },
  events: SyncEvent[],
  now: number,
): Promise<void> {
  // The newest state of each commitment: one row per id, as ON CONFLICT requires.
  const newest = new Map<string, CommitmentEvent>();
  for (const event of events) {
    if (!('commitment' in event)) continue;
    const held = newest.get(event.commitment.id);
    if (!held || held.recordVersion < event.recordVersion) newest.set(event.commitment.id, event);
  }
  const commitments = [...newest.values()];
  if (commitments.length === 0) return;
  await tx.query(
    `INSERT INTO commitments AS c (id, coach_id, organisation_id, participant, body, record_version, received_at)
     SELECT id, $1, $2, participant, body, record_version, $3
       FROM jsonb_to_recordset($4::jsonb) AS r(id uuid, participant jsonb, body jsonb, record_version bigint)
     ON CONFLICT (id) DO UPDATE SET participant = excluded.participant, body = excluded.body,
       record_version = excluded.record_version, received_at = excluded.received_at
     WHERE c.coach_id = excluded.coach_id AND c.record_version < excluded.record_version`,
    [
      owner.coachId,
      owner.organisationId,
      now,
      JSON.stringify(
        commitments.map((event) => ({
          id: event.commitment.id,
          participant: event.participant,
          body: event.commitment,
          record_version: event.recordVersion,
        })),
      ),
    ],
  );
}
