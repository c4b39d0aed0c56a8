// The coach's side: push a batch, pull what changed, and "who am I" for the connection test.
import type { FastifyInstance } from 'fastify';
import {
  MAX_PULL_PAGE,
  hubPaths,
  hubPullQuerySchema,
  hubPushRequestSchema,
  type HubPullResponse,
  type HubPushResponse,
  type HubWhoAmI,
} from '../../shared/hub-protocol';
import { applyPush } from '../store/push';
import { pullChanges } from '../store/pull';
import type { HubContext } from './context';
import { authorize, authorizeCoach } from './authorize';
import { HubHttpError, parseInput } from './errors';

const DEFAULT_PULL_PAGE = 200;

/** PostgreSQL text cannot hold NUL, so it is refused with a message rather than failing deep inside. */
function refuseNul(rawBody: unknown): void {
  if (JSON.stringify(rawBody).includes('\\u0000')) {
    throw new HubHttpError(400, 'invalid-request', 'Text may not contain NUL characters');
  }
}

export function registerSyncRoutes(app: FastifyInstance, { db, now }: HubContext): void {
  app.get(hubPaths.me, async (request): Promise<HubWhoAmI> => {
    const principal = await authorize(db, request);
    return {
      role: principal.role,
      organisation: { id: principal.organisationId, name: principal.organisationName },
      coach: principal.role === 'coach' ? { id: principal.coachId, name: principal.coachName } : null,
      tokenLabel: principal.label,
    };
  });

  app.post(hubPaths.push, async (request): Promise<HubPushResponse> => {
    const coach = await authorizeCoach(db, request);
    const batch = parseInput(hubPushRequestSchema, request.body, 'push batch');
    refuseNul(request.body);
    return db.transaction((tx) => applyPush(tx, coach, batch, now()));
  });

  app.get(hubPaths.pull, async (request): Promise<HubPullResponse> => {
    const coach = await authorizeCoach(db, request);
    const query = parseInput(hubPullQuerySchema, request.query, 'pull query');
    return pullChanges(
      db,
      coach.coachId,
      Number(query.cursor ?? 0),
      Math.min(query.limit ?? DEFAULT_PULL_PAGE, MAX_PULL_PAGE),
    );
  });
}
