// A hub with no tokens yet gets a first organisation, a coach token and a program manager token,
// so `npm run hub` is usable at once. The tokens are printed once and stored only as hashes.
import type { SqlDatabase } from './db/sql';
import { countTokens, issueToken } from './auth/tokens';

const FIRST_ORGANISATION = 'My organisation';

type FirstTokens = { coach: string; manager: string };

export async function issueFirstTokens(db: SqlDatabase, now: number): Promise<FirstTokens | null> {
  return db.transaction(async (tx) => {
    if ((await countTokens(tx)) > 0) return null;
    const coach = await issueToken(
      tx,
      { organisation: FIRST_ORGANISATION, coach: 'First coach', label: 'First coach' },
      now,
    );
    const manager = await issueToken(tx, { organisation: FIRST_ORGANISATION, label: 'Program manager' }, now);
    return { coach: coach.token, manager: manager.token };
  });
}
