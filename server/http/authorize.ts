// Who is asking: the bearer token of each request, checked against the hashed tokens. Coach
// routes refuse manager tokens and the other way round, so each role sees only its own scope.
import type { FastifyRequest } from 'fastify';
import { authenticate, type CoachPrincipal, type ManagerPrincipal, type Principal } from '../auth/tokens';
import type { SqlExecutor } from '../db/sql';
import { HubHttpError } from './errors';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** Requests whose token authenticated, for the rate limit to give that token its own bucket. */
const authenticated = new WeakSet<FastifyRequest>();

export const wasAuthenticated = (request: FastifyRequest): boolean => authenticated.has(request);

export async function authorize(db: SqlExecutor, request: FastifyRequest): Promise<Principal> {
  const token = bearerToken(request);
  if (!token) throw new HubHttpError(401, 'unauthorized', 'Send a hub token as "Authorization: Bearer <token>"');
  const principal = await authenticate(db, token);
  if (!principal) throw new HubHttpError(401, 'unauthorized', 'This token is not valid: it is mistyped or was revoked');
  authenticated.add(request);
  return principal;
}

export async function authorizeCoach(db: SqlExecutor, request: FastifyRequest): Promise<CoachPrincipal> {
  const principal = await authorize(db, request);
  if (principal.role !== 'coach') throw new HubHttpError(403, 'forbidden', 'This needs a coach token');
  return principal;
}

export async function authorizeManager(db: SqlExecutor, request: FastifyRequest): Promise<ManagerPrincipal> {
  const principal = await authorize(db, request);
  if (principal.role !== 'manager') throw new HubHttpError(403, 'forbidden', 'This needs a program manager token');
  return principal;
}
