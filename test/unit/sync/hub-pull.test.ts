// A pull the hub refuses or asks to wait on holds the hub as a refused or failed push does: automatic
// syncs do not ask again before the coach acts, or before the wait is over.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, testClock } from '../db/test-database';
import { onlineEngine } from './harness';
import { createHubConnector } from '../../../renderer/sync/connectors/hub';
import { createHubApplier } from '../../../renderer/sync/connectors/hub-apply';
import { createTransport } from '../../../renderer/sync/transport';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import { readPullCursor } from '../../../renderer/sync/settings';
import { createWebPlatform } from '../../../renderer/platform/web';

/** An engine syncing with a "hub" on 127.0.0.1 that gives every request the same answer. */
async function hubAnswering(status: number, headers: Record<string, string>) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const clock = testClock();
  const { db } = openTestDatabase(clock);
  const connector = createHubConnector({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token: 'fth_test',
    transport: createTransport(createWebPlatform().httpRequest),
    backoff: defaultBackoffPolicy,
    now: clock,
    readCursor: () => readPullCursor(db, 'hub'),
  });
  const engine = onlineEngine(connector, { db, now: clock, applyPulled: createHubApplier(db, clock) });
  return {
    engine,
    clock,
    requests,
    close: async () => {
      server.close();
      await db.delete();
    },
  };
}

describe('a pull the hub does not answer with changes', () => {
  it.each([
    [401, {}, 'rejected', 'The hub did not accept the token'],
    [429, { 'Retry-After': '3600' }, 'will-retry', 'The hub answered 429'],
  ])('answered %i: automatic syncs do not ask the hub again meanwhile', async (status, headers, outcome, reason) => {
    const hub = await hubAnswering(status, headers);
    try {
      const first = await hub.engine.run('schedule');
      expect(first).toMatchObject({ outcome, stop: { reason: expect.stringContaining(reason) } });
      for (const trigger of ['online', 'retry', 'schedule'] as const) {
        hub.clock.advance(60_000);
        expect((await hub.engine.run(trigger)).outcome).toBe(outcome);
      }
      expect(hub.requests).toEqual(['GET /v1/pull?limit=200']);
    } finally {
      await hub.close();
    }
  });
});
