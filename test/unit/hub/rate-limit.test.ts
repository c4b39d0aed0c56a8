import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../../../server/config';
import { call, engineUnderTest, startTestHub, type TestHub } from './hub-fixture';

/** A token of the right shape that the hub never issued. */
const madeUpToken = () => `fth_${randomBytes(32).toString('base64url')}`;

describe(`the rate limit against made-up tokens on ${engineUnderTest}`, () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ limits: { rateLimitPerMinute: 5 } });
  }, 60_000);
  afterAll(() => hub?.close());
  afterEach(() => vi.restoreAllMocks());

  it('counts invalid tokens by address: 200 made-up tokens get 429 after 5, without asking the database', async () => {
    const queries = vi.spyOn(hub.db, 'query');
    const statuses: number[] = [];
    for (let request = 0; request < 200; request++) {
      statuses.push((await call(hub, madeUpToken(), '/v1/pull')).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(queries).toHaveBeenCalledTimes(5);
  });
});

describe(`a valid token's own bucket, and the client address behind a proxy, on ${engineUnderTest}`, () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ limits: { rateLimitPerMinute: 5 }, trustProxy: '127.0.0.1' });
  }, 60_000);
  afterAll(() => hub?.close());

  const from = (address: string, token: string | null) =>
    call(hub, token, '/v1/pull', { headers: { 'X-Forwarded-For': address } });

  it('keeps a coach working while made-up tokens from another address are refused', async () => {
    const coach = await hub.coachToken('Acme', 'Busy coach');
    expect((await from('198.51.100.7', coach)).status).toBe(200);
    for (let request = 0; request < 5; request++) expect((await from('203.0.113.9', madeUpToken())).status).toBe(401);
    expect((await from('203.0.113.9', madeUpToken())).status).toBe(429);
    // The first request counted against the address; from then on the token has its own bucket.
    const coachStatuses = [];
    for (let request = 0; request < 6; request++) coachStatuses.push((await from('198.51.100.7', coach)).status);
    expect(coachStatuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts a revoked token by address again once the hub has refused it', async () => {
    const coach = await hub.coachToken('Acme', 'Leaving coach');
    expect((await from('192.0.2.44', coach)).status).toBe(200);
    await hub.db.query('UPDATE tokens SET revoked_at = $1', [Date.now()]);
    expect((await from('192.0.2.45', coach)).status).toBe(401);
    for (let request = 0; request < 5; request++) expect((await from('192.0.2.45', coach)).status).toBe(401);
    expect((await from('192.0.2.45', coach)).status).toBe(429);
  });
});

describe(`every route of the hub against made-up tokens on ${engineUnderTest}`, () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ limits: { rateLimitPerMinute: 3 }, trustProxy: '127.0.0.1' });
  }, 60_000);
  afterAll(() => hub?.close());
  afterEach(() => vi.restoreAllMocks());

  /** Each route and method the hub serves under /v1, read from Fastify's own route tree. */
  function apiRoutes() {
    const prefixes: string[] = [];
    const routes: { method: string; path: string }[] = [];
    for (const line of hub.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const node = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
      if (!node) continue;
      const depth = node[1].length / 4;
      prefixes.length = depth;
      const path = prefixes.join('') + node[2];
      prefixes.push(path.slice(prefixes.join('').length));
      if (!path.startsWith('/v1/')) continue;
      for (const method of node[3].split(', ').filter((name) => name !== 'HEAD')) {
        routes.push({ method, path: path.replace(':id', crypto.randomUUID()) });
      }
    }
    return routes;
  }

  it('refuses them with 429 once over the limit, on every route, without a database query', async () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const [index, { method, path }] of routes.entries()) {
      const attempt = () =>
        call(hub, madeUpToken(), path, {
          method,
          body: method === 'POST' ? {} : undefined,
          headers: { 'X-Forwarded-For': `198.18.0.${index + 1}` },
        });
      for (let request = 0; request < 3; request++) expect((await attempt()).status).not.toBe(429);
      const queries = vi.spyOn(hub.db, 'query');
      for (let request = 0; request < 5; request++)
        expect([method, path, (await attempt()).status]).toEqual([method, path, 429]);
      expect(queries).not.toHaveBeenCalled();
      queries.mockRestore();
    }
  });
});

describe('the HUB_TRUST_PROXY setting', () => {
  const trustProxy = (value: string | undefined) => readConfig({ HUB_TRUST_PROXY: value }).trustProxy;

  it('trusts nobody by default, and takes addresses and networks', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('10.0.0.5, 10.1.0.0/16, ::1, Loopback')).toBe('10.0.0.5, 10.1.0.0/16, ::1, loopback');
    expect(trustProxy('TRUE')).toBe(true);
  });

  it('refuses anything else with a message naming the setting', () => {
    for (const wrong of ['proxy.internal', '1', '10.0.0.0/33', '10.0.0.5,', '::1/129']) {
      expect(() => trustProxy(wrong)).toThrow(/HUB_TRUST_PROXY must be the addresses or networks of the proxy/);
    }
  });
});
