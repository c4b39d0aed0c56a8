// The program manager's side: actions across the organisation's coaches with filters and CSV,
// marking an action done or verified, and comments. Every body and query is parsed with zod.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  hubActionFilterSchema,
  hubCommentRequestSchema,
  hubPaths,
  hubStatusUpdateSchema,
  type HubAction,
} from '../../shared/hub-protocol';
import { UpstreamMoveError } from '../sync/merge-action';
import { listActions, listCoaches } from '../store/list';
import { addComment, setUpstreamStatus } from '../store/upstream';
import { actionsCsv } from './actions-csv';
import { authorize, authorizeManager } from './authorize';
import type { HubContext } from './context';
import { HubHttpError, parseInput } from './errors';

const actionParamsSchema = z.object({ id: z.uuid('That is not an action id') }).strict();

/** The CSV holds every matching action, read a page at a time, up to this many. */
const CSV_PAGE = 1000;
const CSV_MAX_PAGES = 100;

function notFound(): HubHttpError {
  return new HubHttpError(404, 'not-found', 'No such action in your organisation');
}

function actionId(request: FastifyRequest): string {
  return parseInput(actionParamsSchema, request.params, 'action address').id;
}

export function registerManagerRoutes(app: FastifyInstance, { db, now }: HubContext): void {
  app.get(hubPaths.coaches, async (request) => {
    const principal = await authorize(db, request);
    return { coaches: await listCoaches(db, principal) };
  });

  app.get(hubPaths.actions, async (request) => {
    const principal = await authorize(db, request);
    return listActions(db, principal, parseInput(hubActionFilterSchema, request.query, 'filter'));
  });

  app.get(hubPaths.actionsCsv, async (request, reply) => {
    const principal = await authorize(db, request);
    const filter = parseInput(hubActionFilterSchema.omit({ limit: true, offset: true }), request.query, 'filter');
    const pages = [];
    for (let page = 0; page < CSV_MAX_PAGES; page++) {
      const { actions, total } = await listActions(db, principal, {
        ...filter,
        limit: CSV_PAGE,
        offset: page * CSV_PAGE,
      });
      pages.push(...actions);
      if (pages.length >= total || actions.length === 0) break;
    }
    const day = new Date(now()).toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="followthrough-actions-${day}.csv"`)
      .send(`\uFEFF${actionsCsv(pages)}`);
  });

  app.post(hubPaths.status(':id'), async (request): Promise<HubAction> => {
    const manager = await authorizeManager(db, request);
    const id = actionId(request);
    const update = parseInput(hubStatusUpdateSchema, request.body, 'status change');
    try {
      const action = await db.transaction((tx) => setUpstreamStatus(tx, manager, id, update, now()));
      if (!action) throw notFound();
      return action;
    } catch (error) {
      if (error instanceof UpstreamMoveError) throw new HubHttpError(409, 'conflict', error.message);
      throw error;
    }
  });

  app.post(hubPaths.comments(':id'), async (request, reply) => {
    const manager = await authorizeManager(db, request);
    const id = actionId(request);
    const { text } = parseInput(hubCommentRequestSchema, request.body, 'comment');
    const action = await db.transaction((tx) => addComment(tx, manager, id, text, now()));
    if (!action) throw notFound();
    return reply.status(201).send(action);
  });
}
