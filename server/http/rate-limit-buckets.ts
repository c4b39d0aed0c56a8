// Which bucket of the rate limit a request counts against. A token the hub has accepted keeps its
// own bucket, so coaches behind one office address do not share a limit; any other request (no
// token, a made-up or a revoked one) counts against the client's address, so inventing tokens
// buys no extra requests and a request refused with 429 never reaches the database.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { bearerToken, wasAuthenticated } from './authorize';

/** Enough for every token of a large programme; the oldest is forgotten first beyond it. */
const MAX_ACCEPTED_TOKENS = 10_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function rateLimitBuckets() {
  const accepted = new Set<string>();
  return {
    key(request: FastifyRequest): string {
      const token = bearerToken(request);
      const hash = token && hashOf(token);
      return hash && accepted.has(hash) ? `token:${hash}` : `ip:${request.ip}`;
    },
    /** Learns from the answer: a token that passed authorization is accepted, one refused with 401 no longer. */
    settle(request: FastifyRequest, statusCode: number): void {
      const token = bearerToken(request);
      if (!token) return;
      const hash = hashOf(token);
      if (wasAuthenticated(request)) {
        accepted.delete(hash);
        accepted.add(hash);
        if (accepted.size > MAX_ACCEPTED_TOKENS) accepted.delete(accepted.values().next().value as string);
      } else if (statusCode === 401) accepted.delete(hash);
    },
  };
}
