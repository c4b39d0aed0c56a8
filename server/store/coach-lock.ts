// Every write to a coach's actions first locks that coach's row and takes revisions from its
// counter, so a coach's changes get numbers in the order they commit and a pull never skips one.
import type { SqlExecutor } from '../db/sql';

export type RevisionCounter = {
  /** The revision the next change will take. */
  peek: () => number;
  /** Takes that revision: the change is being written. */
  take: () => number;
  last: () => number;
};

export async function lockCoach(tx: SqlExecutor, coachId: string): Promise<RevisionCounter> {
  const [row] = await tx.query<{ revision: number }>('SELECT revision FROM coaches WHERE id = $1 FOR UPDATE', [
    coachId,
  ]);
  if (!row) throw new Error(`No coach ${coachId}`);
  let revision = row.revision;
  return { peek: () => revision + 1, take: () => (revision += 1), last: () => revision };
}

export async function saveCounter(tx: SqlExecutor, coachId: string, counter: RevisionCounter): Promise<void> {
  await tx.query('UPDATE coaches SET revision = $2 WHERE id = $1', [coachId, counter.last()]);
}
