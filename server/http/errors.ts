// Every error the hub answers is JSON of one shape, { error: { code, message, issues? } }, with a
// message a person can act on. Fastify's own errors (body too large, bad JSON) are mapped to it.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { HubError, hubErrorCodes } from '../../shared/hub-protocol';
import { createLogger } from '../../shared/logger';

const log = createLogger('hub');

type HubErrorCode = (typeof hubErrorCodes)[number];
type Issue = { path: string; message: string };

export class HubHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

const MAX_ISSUES = 20;

/** Parses `value` with `schema`, or answers 400 naming each field that is wrong. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  throw new HubHttpError(
    400,
    'invalid-request',
    `The ${what} is not valid: ${issues[0].path}: ${issues[0].message}`,
    issues,
  );
}

function fromFastify(error: FastifyError): HubHttpError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HubHttpError(
        413,
        'payload-too-large',
        'The request body is larger than this hub accepts; send fewer events per batch',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HubHttpError(400, 'invalid-request', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HubHttpError(415, 'unsupported-media-type', 'Send the body as application/json');
  }
  if (error.statusCode === 429) {
    return new HubHttpError(429, 'rate-limited', 'Too many requests; wait as Retry-After says');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HubHttpError(error.statusCode, 'invalid-request', error.message);
  }
  return new HubHttpError(500, 'internal', 'The hub failed to handle this request; try again later');
}

function sendError(reply: FastifyReply, error: HubHttpError): FastifyReply {
  const body: HubError = {
    error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
  };
  if (error.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer realm="followthrough-hub"');
  return reply.status(error.statusCode).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const hubError = error instanceof HubHttpError ? error : fromFastify(error);
    if (hubError.statusCode >= 500) log.error(`${request.method} ${request.url}`, error);
    return sendError(reply, hubError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new HubHttpError(404, 'not-found', `Nothing at ${request.method} ${request.url.split('?')[0]}`)),
  );
}
