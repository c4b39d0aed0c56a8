// The hub connector's reading of the hub's answers: what is acknowledged, retried, refused for
// good (and with which words), how pulls page, and the connection test. A real hub on 127.0.0.1,
// plus a canned server for answers a healthy hub never gives.
import { createServer, type Server } from 'node:http';
import { sharesWithName } from '../db/test-database';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubConnector } from '../../../renderer/sync/connectors/hub';
import { createTransport } from '../../../renderer/sync/transport';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import { createWebPlatform } from '../../../renderer/platform/web';
import { call, engineUnderTest, startTestHub, type TestHub } from './hub-fixture';
import { coachDevice } from './hub-client';
import { actionEvent, wireAction } from '../../support/hub-wire-events';

let hub: TestHub;
let coach: string;
let canned: Server;
let cannedUrl: string;
/** The body may be made from the request's, to echo its batch id. */
let cannedAnswer: { status: number; headers?: Record<string, string>; body: string | ((request: string) => string) };

beforeAll(async () => {
  hub = await startTestHub();
  coach = await hub.coachToken('Acme', 'Dana Smith');
  canned = createServer((request, response) => {
    let received = '';
    request.on('data', (chunk: Buffer) => (received += chunk));
    request.on('end', () => {
      const { status, headers, body } = cannedAnswer;
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(typeof body === 'string' ? body : body(received));
    });
  });
  await new Promise<void>((resolve) => canned.listen(0, '127.0.0.1', resolve));
  cannedUrl = `http://127.0.0.1:${(canned.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await hub?.close();
  await new Promise((resolve) => canned?.close(resolve));
});

function connector(url: string, token: string, extra: Partial<Parameters<typeof createHubConnector>[0]> = {}) {
  return createHubConnector({
    url,
    token,
    transport: createTransport(createWebPlatform().httpRequest),
    backoff: defaultBackoffPolicy,
    now: Date.now,
    readCursor: async () => null,
    timeoutMs: 5_000,
    ...extra,
  });
}

describe(`the hub connector on ${engineUnderTest}`, () => {
  it('acknowledges a batch the hub took, including one it already had', async () => {
    const hubConnector = connector(hub.url, coach);
    const events = [actionEvent(wireAction()), actionEvent(wireAction())];
    expect(await hubConnector.push(events)).toMatchObject({
      kind: 'acknowledged',
      status: 200,
      detail: 'The hub took 2 of 2 (the rest it already had)',
    });
    expect(await hubConnector.push(events)).toMatchObject({
      kind: 'acknowledged',
      detail: 'The hub took 0 of 2 (the rest it already had)',
    });
  });

  it('treats a revoked or wrong token as a connection problem the coach can fix', async () => {
    const outcome = await connector(hub.url, `fth_${'x'.repeat(43)}`).push([actionEvent(wireAction())]);
    expect(outcome).toEqual({
      kind: 'rejected',
      scope: 'connection',
      status: 401,
      reason:
        'The hub did not accept the token: it is mistyped or was revoked. Paste a current coach token in Sync settings',
    });
    const manager = await hub.managerToken('Acme');
    expect(await connector(hub.url, manager).push([actionEvent(wireAction())])).toMatchObject({
      kind: 'rejected',
      scope: 'connection',
      status: 403,
    });
  });

  it('refuses, for its content only, a batch in which the hub refused an event', async () => {
    const action = wireAction();
    await connector(hub.url, coach).push([actionEvent(action)]);
    const other = await hub.coachToken('Acme', 'Lee Park');
    const outcome = await connector(hub.url, other).push([actionEvent(action), actionEvent(wireAction())]);
    expect(outcome).toMatchObject({
      kind: 'rejected',
      scope: 'content',
      reason: 'The hub refused a change: This action id is already in use on the hub',
    });
  });

  it('retries on 503 with the Retry-After the hub asked for, and on an answer it cannot read', async () => {
    cannedAnswer = {
      status: 503,
      headers: { 'Retry-After': '120' },
      body: '{"error":{"code":"internal","message":"Database restarting"}}',
    };
    expect(await connector(cannedUrl, coach).push([actionEvent(wireAction())])).toEqual({
      kind: 'retry',
      reason: 'The hub answered 503: Database restarting',
      status: 503,
      retryAfterMs: 120_000,
      countsAsAttempt: true,
    });
    expect(await connector(cannedUrl, coach).pull(null)).toEqual({
      ok: false,
      reason: 'The hub answered 503: Database restarting',
      refused: false,
      retryAfterMs: 120_000,
    });
    cannedAnswer = { status: 200, body: '<html>captive portal</html>' };
    expect(await connector(cannedUrl, coach).push([actionEvent(wireAction())])).toMatchObject({
      kind: 'retry',
      reason: 'The hub answered in a form this app does not read',
    });
    expect(await connector(cannedUrl, coach).pull(null)).toEqual({
      ok: false,
      reason: 'The hub answered a pull in a form this app does not read',
      refused: false,
      retryAfterMs: null,
    });
  });

  it('takes nothing as sent from a 200 that does not account for every change sent', async () => {
    const events = () => [actionEvent(wireAction()), actionEvent(wireAction())];
    const anotherBatch = () => JSON.stringify({ batchId: 'batch-someone-else', results: [] });
    const noResults = (request: string) => JSON.stringify({ batchId: JSON.parse(request).batchId, results: [] });
    for (const body of [anotherBatch, noResults]) {
      cannedAnswer = { status: 200, body };
      expect(await connector(cannedUrl, coach).push(events())).toEqual({
        kind: 'retry',
        reason: 'The hub answered without accounting for every change sent; they will be sent again',
        status: 200,
        retryAfterMs: null,
        countsAsAttempt: true,
      });
    }
  });

  it('shows the coach the first 300 characters of a long error message, on one line', async () => {
    const trace = Array.from({ length: 50_000 }, (_, line) => `  at frame${line} (hub.js:${line})`).join('\n');
    cannedAnswer = { status: 500, body: JSON.stringify({ error: { code: 'internal', message: `Crashed\n${trace}` } }) };
    const outcome = await connector(cannedUrl, coach).push([actionEvent(wireAction())]);
    const reason = outcome.kind === 'retry' ? outcome.reason : '';
    expect(reason).toMatch(/^The hub answered 500: Crashed at frame0 \(hub\.js:0\) at frame1 .*…$/);
    expect(reason.length).toBe('The hub answered 500: '.length + 301);
  });

  it('pulls every page up to its bound and hands back the cursor to go on from', async () => {
    const ivy = await hub.coachToken('Acme', 'Ivy Chen');
    await connector(hub.url, ivy).push(Array.from({ length: 7 }, () => actionEvent(wireAction())));
    const bounded = await connector(hub.url, ivy, { pullPageSize: 2, maxPullPages: 2 }).pull(null);
    expect(bounded.ok && bounded.changes.length).toBe(4);
    const rest = await connector(hub.url, ivy, { pullPageSize: 2 }).pull(bounded.ok ? bounded.cursor : null);
    expect(rest.ok && rest.changes.length).toBe(3);
    const ids = [...(bounded.ok ? bounded.changes : []), ...(rest.ok ? rest.changes : [])].map(
      (change) => change.recordId,
    );
    expect(new Set(ids).size).toBe(7);
  });

  it('says who the token belongs to, and refuses a program manager token for sync', async () => {
    expect(await connector(hub.url, coach).testConnection()).toEqual({
      ok: true,
      value: "Connected to Acme's hub as Dana Smith (protocol 1)",
    });
    const manager = await hub.managerToken('Acme', 'Second manager');
    expect(await connector(hub.url, manager).testConnection()).toEqual({
      ok: false,
      error: 'That is a program manager token; sync needs a coach token',
    });
    cannedAnswer = { status: 200, body: '{"hello":"world"}' };
    expect(await connector(cannedUrl, coach).testConnection()).toEqual({
      ok: false,
      error: 'That address answered, but not as a Followthrough hub',
    });
  });

  it('parks only the change the hub refused and sends the rest, through the real engine', async () => {
    const owner = coachDevice({ hubUrl: hub.url, token: await hub.coachToken('Acme', 'Noor Ali') });
    const intruder = coachDevice({
      hubUrl: hub.url,
      token: await hub.coachToken('Acme', 'Omar Haddad'),
      batchSize: 10,
    });
    const participant = await owner.repos.participants.create({ name: 'Amara Okafor', consent: sharesWithName });
    const taken = await owner.repos.actions.add({ participantId: participant.id, text: 'Owned by Noor' });
    await owner.sync();

    const theirs = await intruder.repos.participants.create({ name: 'Jordan Blake', consent: sharesWithName });
    const actions = await intruder.repos.actions.addMany(
      [1, 2, 3].map((n) => ({ participantId: theirs.id, text: `Omar action ${n}` })),
    );
    // The same id as Noor's action, as a copied database would have.
    await intruder.db.actions.put({ ...actions[1], id: taken.id });
    await intruder.db.outbox
      .where('recordId')
      .equals(actions[1].id)
      .modify({ recordId: taken.id, payload: { ...actions[1], id: taken.id } });
    const report = await intruder.sync();
    expect(report.run?.parked).toBe(1);
    const parked = await intruder.db.outbox.toArray();
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ recordId: taken.id, state: 'parked' });
    expect(parked[0].lastError).toContain('This action id is already in use on the hub');

    const list = await call<{ actions: { text: string }[] }>(
      hub,
      await hub.managerToken('Acme', 'Auditor'),
      '/v1/actions?q=Omar',
    );
    expect(list.body.actions.map((action) => action.text).sort()).toEqual(['Omar action 1', 'Omar action 3']);
    await Promise.all([owner.close(), intruder.close()]);
  });
});
