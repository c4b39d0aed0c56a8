// Access tokens: 32 random bytes shown once, stored only as their SHA-256. A coach token sees and
// writes that coach's actions; a program manager token sees every coach of its organisation.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../db/sql';

const TOKEN_PREFIX = 'fth_';
const tokenPattern = /^fth_[A-Za-z0-9_-]{43}$/;

export type Principal =
  | {
      role: 'coach';
      tokenId: string;
      label: string;
      organisationId: string;
      organisationName: string;
      coachId: string;
      coachName: string;
    }
  | { role: 'manager'; tokenId: string; label: string; organisationId: string; organisationName: string };

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

type PrincipalRow = {
  token_id: string;
  role: 'coach' | 'manager';
  label: string;
  organisation_id: string;
  organisation_name: string;
  coach_id: string | null;
  coach_name: string | null;
};

/** The holder of an unrevoked token, or null for anything else (unknown, revoked, malformed). */
export async function authenticate(db: SqlExecutor, token: string): Promise<Principal | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db.query<PrincipalRow>(
    `SELECT t.id AS token_id, t.role, t.label, o.id AS organisation_id, o.name AS organisation_name,
            c.id AS coach_id, c.name AS coach_name
       FROM tokens t
       JOIN organisations o ON o.id = t.organisation_id
       LEFT JOIN coaches c ON c.id = t.coach_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  );
  if (!row) return null;
  const base = {
    tokenId: row.token_id,
    label: row.label,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
  };
  return row.role === 'coach' && row.coach_id && row.coach_name
    ? { role: 'coach', ...base, coachId: row.coach_id, coachName: row.coach_name }
    : { role: 'manager', ...base };
}

async function ensureOrganisation(db: SqlExecutor, name: string, now: number): Promise<string> {
  await db.query('INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
    randomUUID(),
    name,
    now,
  ]);
  const [row] = await db.query<{ id: string }>('SELECT id FROM organisations WHERE name = $1', [name]);
  return row.id;
}

async function ensureCoach(db: SqlExecutor, organisationId: string, name: string, now: number): Promise<string> {
  await db.query(
    `INSERT INTO coaches (id, organisation_id, name, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, name) DO NOTHING`,
    [randomUUID(), organisationId, name, now],
  );
  const [row] = await db.query<{ id: string }>('SELECT id FROM coaches WHERE organisation_id = $1 AND name = $2', [
    organisationId,
    name,
  ]);
  return row.id;
}

type TokenRequest = {
  organisation: string;
  /** The coach the token is for; absent for a program manager token. */
  coach?: string;
  label: string;
};

type IssuedToken = {
  id: string;
  token: string;
  role: 'coach' | 'manager';
  organisationId: string;
  coachId: string | null;
};

/** Creates the organisation and coach when new, and a token for them. The token is in the answer only. */
export async function issueToken(db: SqlExecutor, request: TokenRequest, now: number): Promise<IssuedToken> {
  const organisationId = await ensureOrganisation(db, request.organisation, now);
  const coachId = request.coach ? await ensureCoach(db, organisationId, request.coach, now) : null;
  const token = newToken();
  const id = randomUUID();
  const role = coachId ? 'coach' : 'manager';
  await db.query(
    `INSERT INTO tokens (id, token_hash, role, organisation_id, coach_id, label, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, hashToken(token), role, organisationId, coachId, request.label, now],
  );
  return { id, token, role, organisationId, coachId };
}

/** Revokes a token by its id; false when there is no such unrevoked token. */
export async function revokeToken(db: SqlExecutor, tokenId: string, now: number): Promise<boolean> {
  const rows = await db.query('UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [
    tokenId,
    now,
  ]);
  return rows.length > 0;
}

type TokenListing = {
  id: string;
  role: string;
  label: string;
  organisation: string;
  coach: string | null;
  created_at: number;
  revoked_at: number | null;
};

export async function listTokens(db: SqlExecutor): Promise<TokenListing[]> {
  return db.query<TokenListing>(
    `SELECT t.id, t.role, t.label, o.name AS organisation, c.name AS coach, t.created_at, t.revoked_at
       FROM tokens t JOIN organisations o ON o.id = t.organisation_id LEFT JOIN coaches c ON c.id = t.coach_id
      ORDER BY o.name, c.name NULLS FIRST, t.created_at`,
  );
}

export async function countTokens(db: SqlExecutor): Promise<number> {
  const [row] = await db.query<{ count: number }>('SELECT count(*)::bigint AS count FROM tokens');
  return row.count;
}

export type CoachPrincipal = Extract<Principal, { role: 'coach' }>;
export type ManagerPrincipal = Extract<Principal, { role: 'manager' }>;
