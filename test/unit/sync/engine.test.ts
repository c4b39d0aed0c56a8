// The sync engine against a real HTTP receiver on 127.0.0.1 that injects faults.
import { createServer } from 'node:http';
import Dexie from 'dexie';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { aroundEachSend, changeDuringNextRequest, syncHarness, type HarnessOptions, type SyncHarness } from './harness';
import { closedPortUrl } from '../../support/closed-port';
import type { Fault } from '../../support/webhook-receiver';
import type { SyncConnector } from '../../../renderer/sync/connectors/connector';
import { fail } from '../../../shared/result';
import { readSyncSettings, writeSyncSettings } from '../../../renderer/sync/settings';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { discardEntry, retryParked, type StoredEntry } from '../../../renderer/sync/outbox-queue';
import { recentRuns } from '../../../renderer/sync/run-log';
import { HELD_BACK_REASON } from '../../../renderer/sync/sharing';
import type { SyncRunReport } from '../../../renderer/sync/engine';

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setup(options: HarnessOptions = {}) {
  harness = await syncHarness(options);
  return harness;
}

/** Faults for the first requests, then none. */
const firstRequests =
  (...faults: Fault[]) =>
  (n: number) =>
    faults[n] ?? 'none';

describe('the sync engine', () => {
  it('sends every pending action in signed batches and empties the outbox only on acknowledgement', async () => {
    const h = await setup({ batchSize: 4 });
    const actions = await h.addActions(10);
    const report = await h.engine.run('manual');

    expect(report.outcome).toBe('sent');
    expect(report.message).toBe('Sent 10 actions');
    expect(h.receiver.requests).toHaveLength(3);
    expect(h.receiver.requests.every((request) => request.signatureValid && request.status === 200)).toBe(true);
    expect([...h.receiver.records.keys()].sort()).toEqual(actions.map((action) => action.id).sort());
    expect(await h.db.outbox.count()).toBe(0);
    const [run] = await h.db.syncRuns.toArray();
    expect(run).toMatchObject({ trigger: 'manual', outcome: 'sent', sentActions: 10, parked: 0 });
    expect(run.exchanges.map((exchange) => exchange.status)).toEqual([200, 200, 200]);
    expect(run.sentItems.map((item) => item.title)).toContain('Action 7');
  });

  it('carries an Idempotency-Key equal to the batch id and the same key when the same batch is retried', async () => {
    const h = await setup({ receiver: { faultFor: firstRequests('server-error') } });
    await h.addActions(3);
    expect((await h.engine.run('manual')).outcome).toBe('will-retry');
    h.clock.advance(60 * 60_000);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
    const [failed, retried] = h.receiver.requests;
    expect(failed.headers['idempotency-key']).toMatch(/^batch-[0-9a-f]{32}$/);
    expect(retried.headers['idempotency-key']).toBe(failed.headers['idempotency-key']);
    expect(JSON.parse(retried.rawBody).batchId).toBe(retried.headers['idempotency-key']);
  });

  it('backs off after a 500 and keeps the entries with their attempt count and reason', async () => {
    const h = await setup({ receiver: { faultFor: () => 'server-error' } });
    await h.addActions(2);
    const startedAt = h.clock();
    const report = await h.engine.run('manual');

    expect(report.outcome).toBe('will-retry');
    const { pending } = await h.outboxStates();
    expect(pending).toHaveLength(2);
    for (const entry of pending) {
      expect(entry.attempts).toBe(1);
      expect(entry.lastError).toBe('The receiver answered 500: Internal Server Error');
      // Equal jitter on a 30 s base: between 15 and 30 seconds.
      expect(entry.nextAttemptAt - startedAt).toBeGreaterThanOrEqual(15_000);
      expect(entry.nextAttemptAt - startedAt).toBeLessThanOrEqual(30_000);
    }
    expect(report.nextDueAt).toBe(pending[0].nextAttemptAt);
    // Not due yet: a run now sends nothing.
    await h.engine.run('online');
    expect(h.receiver.requests).toHaveLength(1);
  });

  it('honours Retry-After from a 429', async () => {
    const h = await setup({ receiver: { faultFor: firstRequests('rate-limited'), retryAfterSeconds: 600 } });
    await h.addActions(1);
    const startedAt = h.clock();
    await h.engine.run('manual');
    const [entry] = (await h.outboxStates()).pending;
    expect(entry.nextAttemptAt - startedAt).toBe(600_000);
    h.clock.advance(599_000);
    await h.engine.run('retry');
    expect(h.receiver.requests).toHaveLength(1);
    h.clock.advance(1_000);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
  });

  it('holds the whole upstream, not just the batch, for as long as Retry-After asks; Sync now too', async () => {
    const h = await setup({
      batchSize: 2,
      receiver: { faultFor: firstRequests('rate-limited'), retryAfterSeconds: 600 },
    });
    await h.addActions(4);
    const first = await h.engine.run('manual');
    expect(first.nextDueAt! - h.clock()).toBe(600_000);
    h.clock.advance(300_000);
    for (const trigger of ['retry', 'online', 'schedule', 'manual'] as const) {
      const report = await h.engine.run(trigger);
      expect(report).toMatchObject({ outcome: 'will-retry', run: null, nextDueAt: first.nextDueAt });
      expect(report.message).toMatch(/^The receiver answered 429.*Trying again at \d\d:\d\d:\d\d$/);
    }
    expect(h.receiver.requests).toHaveLength(1);
    h.clock.advance(300_000);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(4);
  });

  it.each(['manual', 'retry-parked'] as const)(
    "lets a run the coach asked for (%s) go past the app's own backoff",
    async (trigger) => {
      const h = await setup({ batchSize: 2, receiver: { faultFor: firstRequests('server-error') } });
      await h.addActions(4);
      expect((await h.engine.run('manual')).outcome).toBe('will-retry');
      expect((await h.engine.run('online')).outcome).toBe('will-retry');
      expect(h.receiver.requests).toHaveLength(1);
      expect((await h.engine.run(trigger)).outcome).toBe('sent');
      expect(h.receiver.records.size).toBe(4);
      expect(await h.db.outbox.count()).toBe(0);
    },
  );

  it("lets Sync now go past the app's backoff once a short Retry-After is over", async () => {
    const h = await setup({
      receiver: { faultFor: firstRequests('rate-limited'), retryAfterSeconds: 1 },
      engine: { random: () => 1 },
    });
    await h.addActions(2);
    expect((await h.engine.run('manual')).outcome).toBe('will-retry');
    h.clock.advance(2_000);
    expect((await h.engine.run('online')).outcome).toBe('will-retry');
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    expect(h.receiver.requests).toHaveLength(2);
  });

  it("ends waits longer than any that may be asked for, the hold and each entry's: the clock went back since", async () => {
    const h = await setup({ receiver: { faultFor: firstRequests('rate-limited'), retryAfterSeconds: 600 } });
    await h.addActions(2);
    expect((await h.engine.run('manual')).outcome).toBe('will-retry');
    h.clock.advance(-3 * 24 * 60 * 60_000);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
    expect(h.receiver.requests).toHaveLength(2);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it.each([
    ['a connection reset', 'reset', /Network error/],
    ['an answer that hangs past the timeout', 'hang', /No answer within 0.3 s/],
  ] as const)('retries after %s', async (_, fault, message) => {
    const h = await setup({ receiver: { faultFor: firstRequests(fault) }, timeoutMs: 300 });
    await h.addActions(2);
    const report = await h.engine.run('manual');
    expect(report.outcome).toBe('will-retry');
    // Something answered the reachability check, so the failed request counts as an attempt.
    expect(h.receiver.reachabilityChecks).toBe(1);
    expect((await h.outboxStates()).pending[0]).toMatchObject({
      attempts: 1,
      lastError: expect.stringMatching(message),
    });
    h.clock.advance(60_000);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(2);
  });

  it('accepts a slow answer within the timeout', async () => {
    const h = await setup({ receiver: { faultFor: () => 'slow', slowMs: 150 }, timeoutMs: 1_000 });
    await h.addActions(3);
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('sends again when the acknowledgement was lost, and the receiver keeps each event once', async () => {
    const h = await setup({ receiver: { faultFor: firstRequests('lost-ack') } });
    await h.addActions(3);
    expect((await h.engine.run('manual')).outcome).toBe('will-retry');
    expect(h.receiver.events.size).toBe(3);
    h.clock.advance(60_000);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
    expect(h.receiver.duplicates).toBe(3);
    expect(h.receiver.events.size).toBe(3);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('parks an entry with its reason after the bounded number of attempts', async () => {
    const h = await setup({ receiver: { faultFor: () => 'server-error' }, engine: { policy: { maxAttempts: 3 } } });
    await h.addActions(1);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await h.engine.run('retry');
      h.clock.advance(24 * 60 * 60_000);
    }
    const { pending, parked } = await h.outboxStates();
    expect(pending).toHaveLength(0);
    expect(parked[0].lastError).toBe(
      'Gave up after 3 attempts. Last answer: The receiver answered 500: Internal Server Error',
    );
    await h.engine.run('retry');
    expect(h.receiver.requests).toHaveLength(3);
  });

  it('isolates an event the receiver refuses (422) by splitting the batch; the rest is delivered', async () => {
    const h = await setup({
      batchSize: 8,
      receiver: {
        refuse: (events) =>
          events.some((event) => 'action' in event && event.action.text === 'Action 5')
            ? { status: 422, body: '{"error":"Owner must be an email address"}' }
            : null,
      },
    });
    await h.addActions(8);
    const report = await h.engine.run('manual');
    expect(report.outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(7);
    const { parked } = await h.outboxStates();
    expect(parked).toHaveLength(1);
    expect((parked[0].payload as { text: string }).text).toBe('Action 5');
    expect(parked[0].lastError).toBe(
      'Refused by the upstream. The receiver answered 422: {"error":"Owner must be an email address"}',
    );
    expect(report.run?.parked).toBe(1);
  });

  it('never sends a refused change the coach discards, and keeps a History line of what it was and why it failed', async () => {
    const refusal = '{"error":"Owner must be an email address"}';
    const h = await setup({
      receiver: {
        refuse: (events) =>
          events.some((event) => 'action' in event && event.action.text === 'Action 2')
            ? { status: 422, body: refusal }
            : null,
      },
    });
    const [, refused] = await h.addActions(2);
    await h.engine.run('manual');
    const [parked] = (await h.outboxStates()).parked as StoredEntry[];
    h.clock.advance(60_000);

    await discardEntry(h.db, parked.seq, h.clock());
    await discardEntry(h.db, parked.seq, h.clock());
    expect(await h.db.outbox.count()).toBe(0);
    const [line, run] = await recentRuns(h.db, 10);
    expect(run).toMatchObject({ trigger: 'manual', sentActions: 1, parked: 1 });
    expect(line).toMatchObject({
      trigger: 'discard',
      outcome: 'discarded',
      startedAt: h.clock(),
      sentActions: 0,
      message: `Discarded a failed action change: it will not be sent. It had failed with: Refused by the upstream. The receiver answered 422: ${refusal}`,
      sentItems: [],
      discardedItems: [{ recordType: 'action', recordId: refused.id, title: 'Action 2' }],
    });

    const requests = h.receiver.requests.length;
    expect((await h.engine.run('manual')).outcome).toBe('up-to-date');
    expect(h.receiver.requests).toHaveLength(requests);
  });

  it('stops at an answer that refuses the connection itself (401) and shows it', async () => {
    const h = await setup({
      batchSize: 2,
      receiver: { refuse: () => ({ status: 401, body: 'Unknown signing key' }) },
    });
    await h.addActions(5);
    const report = await h.engine.run('manual');
    expect(report.outcome).toBe('rejected');
    expect(report.message).toBe('2 changes set aside. The receiver answered 401: Unknown signing key');
    const { pending, parked } = await h.outboxStates();
    expect(parked).toHaveLength(2);
    expect(pending).toHaveLength(3);
    expect(h.receiver.requests).toHaveLength(1);
  });

  it('does not follow a redirect, which would turn the POST into a GET without its batch', async () => {
    const gets: string[] = [];
    const redirecting = createServer((request, response) => {
      if (request.method === 'POST') return void response.writeHead(301, { Location: '/new' }).end();
      gets.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>the hook page</html>');
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const h = await setup({ webhookUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/old` });
      await h.addActions(3);
      const report = await h.engine.run('manual');
      expect(gets).toEqual([]);
      expect(report.outcome).toBe('rejected');
      expect(report.message).toMatch(/The address redirects elsewhere \(301 to \/new\)/);
      expect(await h.db.outbox.count()).toBe(3);
    } finally {
      redirecting.close();
    }
  });

  it('asks a refusing upstream again only when the coach acts: Sync now, or saving Sync settings', async () => {
    const h = await setup({
      batchSize: 2,
      receiver: { refuse: () => ({ status: 401, body: 'Unknown signing key' }) },
    });
    await h.addActions(6);
    expect((await h.engine.run('schedule')).outcome).toBe('rejected');
    for (const trigger of ['schedule', 'online', 'retry'] as const) {
      h.clock.advance(60_000);
      expect(await h.engine.run(trigger)).toEqual({
        outcome: 'rejected',
        message:
          'The receiver answered 401: Unknown signing key. Sync waits until you change Sync settings or press Sync now',
        run: null,
        nextDueAt: null,
      });
    }
    expect(h.receiver.requests).toHaveLength(1);
    expect((await h.outboxStates()).parked).toHaveLength(2);

    expect((await h.engine.run('manual')).outcome).toBe('rejected');
    expect(h.receiver.requests).toHaveLength(2);
    await writeSyncSettings(h.db, await readSyncSettings(h.db));
    h.clock.advance(60_000);
    expect((await h.engine.run('schedule')).outcome).toBe('rejected');
    expect(h.receiver.requests).toHaveLength(3);
  });

  it('does not hold syncs for a refusal that answered settings the coach has saved anew since', async () => {
    const during = changeDuringNextRequest();
    let refusing = true;
    const h = await setup({
      receiver: { refuse: () => (refusing ? { status: 401, body: 'Unknown signing key' } : null) },
      wrap: during.wrap,
    });
    await h.addActions(2);
    during.next(async () => {
      refusing = false;
      await writeSyncSettings(h.db, await readSyncSettings(h.db));
    });
    expect((await h.engine.run('schedule')).outcome).toBe('rejected');
    await h.addActions(1);
    h.clock.advance(60_000);
    expect((await h.engine.run('online')).outcome).toBe('sent');
    expect(h.receiver.requests).toHaveLength(2);
  });

  it('parks a corrupted outbox entry with a message and goes on with the queue', async () => {
    const h = await setup({ batchSize: 3 });
    const [first] = await h.addActions(5);
    const corrupt = await h.db.outbox.where('recordId').equals(first.id).first();
    await h.db.outbox.update(corrupt!.seq!, { payload: { ...first, text: '', dueDate: '2026-02-30' } });

    const report = await h.engine.run('manual');
    expect(report.outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(4);
    const { parked } = await h.outboxStates();
    expect(parked).toHaveLength(1);
    expect(parked[0].lastError).toMatch(/^This saved action change could not be read \(text: An action needs/);
    expect(parked[0].lastError).toMatch(/set aside so the rest could sync/);
  });

  it('keeps an edit made while its earlier version was in flight', async () => {
    const during = changeDuringNextRequest();
    const h = await setup({ wrap: during.wrap });
    const [action] = await h.addActions(1);
    during.next(async () => {
      h.clock.advance(1_000);
      await h.repos.actions.update(action.id, { text: 'Edited while sending' });
    });
    await h.engine.run('manual');
    const [left] = (await h.outboxStates()).pending;
    expect((left.payload as { text: string }).text).toBe('Edited while sending');
    await h.engine.run('manual');
    expect(h.receiver.records.get(action.id)).toMatchObject({ action: { text: 'Edited while sending' } });
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('keeps queued, not parked, an edit made while its earlier version was in flight and refused', async () => {
    const during = changeDuringNextRequest();
    const h = await setup({
      receiver: {
        refuse: (events) =>
          events.some((event) => 'action' in event && event.action.owner === 'Amara')
            ? { status: 422, body: 'Owner must be an email address' }
            : null,
      },
      wrap: during.wrap,
    });
    const [action] = await h.repos.actions.addMany([{ participantId: h.participant.id, text: 'Book', owner: 'Amara' }]);
    during.next(async () => {
      h.clock.advance(1_000);
      await h.repos.actions.update(action.id, { owner: 'amara@example.com' });
    });
    const report = await h.engine.run('manual');
    expect(report.run?.parked).toBe(0);
    const { pending, parked } = await h.outboxStates();
    expect(parked).toEqual([]);
    expect(pending.map((entry) => (entry.payload as { owner: string }).owner)).toEqual(['amara@example.com']);
    await h.engine.run('manual');
    expect(h.receiver.records.get(action.id)).toMatchObject({ action: { owner: 'amara@example.com' } });
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('sends only the newest state when a record has several entries, and removes the older ones', async () => {
    const h = await setup({ receiver: { faultFor: firstRequests('server-error') } });
    const [action] = await h.addActions(1);
    await h.engine.run('manual');
    h.clock.advance(1_000);
    await h.repos.actions.update(action.id, { owner: 'Jon Reyes' });
    expect(await h.db.outbox.count()).toBe(2);
    h.clock.advance(60 * 60_000);
    await h.engine.run('retry');
    const sentEvents = h.receiver.requests.slice(1).flatMap((request) => JSON.parse(request.rawBody).events);
    expect(sentEvents).toHaveLength(1);
    expect(sentEvents[0].action.owner).toBe('Jon Reyes');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('holds back actions queued as pending of a participant without consent, and sends them once consent is given', async () => {
    const h = await setup();
    await h.addActions(2);
    // Consent withdrawn past the repositories, which would have held the queue at once: as in an
    // outbox from before they did, or a backup restored.
    await h.db.participants.update(h.participant.id, {
      consent: { ...h.participant.consent, shareActions: 'none' },
    });
    const report = await h.engine.run('manual');
    expect(h.receiver.requests).toHaveLength(0);
    const { held, parked } = await h.outboxStates();
    expect(parked).toHaveLength(0);
    expect(held).toHaveLength(2);
    expect(held[0].lastError).toBe(HELD_BACK_REASON);
    expect(report.run?.held).toBe(2);

    expect((await h.engine.run('manual')).run).toBeNull();
    expect(h.receiver.requests).toHaveLength(0);

    await h.repos.participants.update(h.participant.id, {
      consent: { ...h.participant.consent, shareActions: 'pseudonymous' },
    });
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(2);
  });

  describe('while a run goes on', () => {
    /** A harness whose first request's answer comes only once `change` has been committed. */
    async function changedAfterFirstRequest(
      change: (h: SyncHarness) => Promise<unknown>,
      options: HarnessOptions = {},
    ) {
      const during = changeDuringNextRequest();
      const h = await setup({ batchSize: 2, wrap: during.wrap, ...options });
      await h.addActions(20);
      during.next(() => change(h));
      return h;
    }
    const withdrawConsent = (h: SyncHarness) =>
      h.repos.participants.update(h.participant.id, { consent: { ...h.participant.consent, shareActions: 'none' } });

    it('sends nothing more of a participant whose consent is withdrawn, and holds the rest', async () => {
      const h = await changedAfterFirstRequest(withdrawConsent);
      const report = await h.engine.run('manual');
      expect(h.receiver.requests).toHaveLength(1);
      expect(report.run?.sentActions).toBe(2);
      expect((await h.outboxStates()).held).toHaveLength(18);
    });

    it('keeps held the changes in a request that fails after consent was withdrawn', async () => {
      const h = await changedAfterFirstRequest(withdrawConsent, {
        receiver: { faultFor: firstRequests('server-error') },
      });
      expect((await h.engine.run('manual')).outcome).toBe('will-retry');
      const { held, pending } = await h.outboxStates();
      expect(pending).toEqual([]);
      expect(held).toHaveLength(20);
      // The failed attempt still counts against the two that went out.
      expect(held.filter((entry) => entry.attempts === 1)).toHaveLength(2);
    });

    it("runs the coach's Retry as theirs, past the backoff, though an automatic retry queued the next run first", async () => {
      let refusing = true;
      const during = changeDuringNextRequest();
      const h = await setup({
        wrap: during.wrap,
        receiver: {
          faultFor: (n) => (n === 1 ? 'server-error' : 'none'),
          refuse: (events) =>
            refusing && events.some((event) => 'action' in event && event.action.text.startsWith('Refused'))
              ? { status: 422, body: '{"error":"Owner must be an email address"}' }
              : null,
        },
      });
      await h.repos.actions.add({ participantId: h.participant.id, text: 'Refused: hand over', owner: 'Dana' });
      expect((await h.engine.run('manual')).outcome).toBe('rejected');
      refusing = false;
      await h.addActions(1);
      let coachRetry: Promise<SyncRunReport> | undefined;
      during.next(async () => {
        void h.engine.run('retry');
        await retryParked(h.db, h.clock());
        coachRetry = h.engine.run('retry-parked');
      });
      expect((await h.engine.run('manual')).outcome).toBe('will-retry');
      const report = await coachRetry!;
      expect(report.run?.trigger).toBe('retry-parked');
      expect(report.outcome).toBe('sent');
      expect(h.receiver.records.size).toBe(2);
    });

    it('sends nothing more of a participant erased, and keeps no line of them in the history', async () => {
      const h = await changedAfterFirstRequest((h) => eraseParticipant(h.db, h.participant.id, h.clock()));
      const report = await h.engine.run('manual');
      expect(h.receiver.requests).toHaveLength(1);
      expect(report.run?.sentActions).toBe(2);
      const [kept] = await h.db.syncRuns.toArray();
      expect(kept.sentItems).toEqual([]);
      expect(JSON.stringify(kept)).not.toMatch(/Action \d/);
      expect(await h.db.outbox.count()).toBe(0);
    });

    it('keeps no answer that named a participant erased while it was on its way', async () => {
      const during = changeDuringNextRequest();
      const h = await setup({
        batchSize: 1,
        receiver: {
          refuse: (events) => ({
            status: 422,
            body: `Owner ${(events[0] as { action: { owner: string } }).action.owner} is not an email address`,
          }),
        },
        wrap: during.wrap,
      });
      await h.addActions(1);
      during.next(() => eraseParticipant(h.db, h.participant.id, h.clock()));
      await h.engine.run('manual');
      const [kept] = await h.db.syncRuns.toArray();
      expect(kept.exchanges[0].detail).toBe('Removed when a participant was erased');
      expect(JSON.stringify(kept)).not.toMatch(/Amara|Okafor/);
    });

    it('stops watching participants once the run is over', async () => {
      // Dexie keeps the subscribers of its global event in a list.
      const watchers = () => (Dexie.on('storagemutated') as unknown as { subscribers: unknown[] }).subscribers.length;
      const h = await setup();
      const before = watchers();
      await h.addActions(2);
      await h.engine.run('manual');
      await h.engine.run('manual');
      expect(watchers()).toBe(before);
    });
  });

  it('sends a pseudonym instead of the name when consent is pseudonymous, also as the owner', async () => {
    const h = await setup({ shareActions: 'pseudonymous' });
    await h.addActions(1);
    await h.engine.run('manual');
    const [event] = [...h.receiver.records.values()];
    if (!('action' in event)) throw new Error('expected an action event');
    expect(event.participant.displayName).toBeNull();
    expect(event.participant.ref).toMatch(/^p-[0-9a-f]{16}$/);
    expect(event.action.owner).toBe(event.participant.ref);
    expect(h.receiver.requests[0].rawBody).not.toContain('Amara');
  });

  it('sends commitments queued by the contracts repository, with their contract as objective, and their removal', async () => {
    const h = await setup();
    const contract = await h.repos.contracts.create({
      participantId: h.participant.id,
      title: 'Ops leadership contract',
    });
    const kept = await h.repos.contracts.addCommitment(contract.id);
    const removed = await h.repos.contracts.addCommitment(contract.id);
    await h.repos.contracts.updateCommitment(contract.id, kept.id, {
      text: 'Weekly commitment review',
      owner: 'Amara Okafor',
    });
    expect((await h.engine.run('manual')).message).toBe('Sent 2 commitments');
    h.clock.advance(1_000);
    await h.repos.contracts.removeCommitment(contract.id, removed.id);
    await h.engine.run('manual');

    const event = h.receiver.records.get(kept.id);
    expect(event).toMatchObject({
      type: 'commitment.upserted',
      participant: { displayName: 'Amara Okafor' },
      commitment: {
        contractId: contract.id,
        contractTitle: 'Ops leadership contract',
        text: 'Weekly commitment review',
      },
    });
    expect(h.receiver.records.get(removed.id)?.type).toBe('commitment.deleted');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('runs one at a time: a trigger during a run waits and is served by a single follow-up run', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    const h = await setup({
      batchSize: 2,
      wrap: (webhook) =>
        aroundEachSend(webhook, async (send) => {
          concurrent += 1;
          maxConcurrent = Math.max(maxConcurrent, concurrent);
          try {
            return await send();
          } finally {
            concurrent -= 1;
          }
        }),
    });
    await h.addActions(6);
    const first = h.engine.run('manual');
    const [second, third] = [h.engine.run('online'), h.engine.run('manual')];
    expect(second).toBe(third);
    await Promise.all([first, second]);
    expect(maxConcurrent).toBe(1);
    expect(h.receiver.records.size).toBe(6);
    expect(h.receiver.requests).toHaveLength(3);
  });

  it('stops taking batches when the run is out of time, and the next run goes on', async () => {
    const h = await setup({
      batchSize: 2,
      engine: { policy: { runBudgetMs: 5_000 } },
      wrap: (webhook) =>
        aroundEachSend(webhook, (send) => {
          h.clock.advance(2_000);
          return send();
        }),
    });
    await h.addActions(10);
    const report = await h.engine.run('manual');
    expect(report.outcome).toBe('out-of-time');
    expect(h.receiver.records.size).toBe(6);
    expect((await h.engine.run('retry')).outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(10);
  });

  it('waits with no attempt counted while nothing answers at the upstream', async () => {
    const { url } = await closedPortUrl();
    const h = await setup({ webhookUrl: url });
    await h.addActions(2);
    const report = await h.engine.run('manual');
    expect(report.outcome).toBe('unreachable');
    expect(report.message).toMatch(
      /^Webhook to 127\.0\.0\.1:\d+: nothing answers there at the moment \(Network error: /,
    );
    expect(report.run).toMatchObject({ outcome: 'will-retry', sentActions: 0, exchanges: [{ result: 'retry' }] });
    const { pending, parked } = await h.outboxStates();
    expect(parked).toHaveLength(0);
    expect(pending.map((entry) => [entry.attempts, entry.lastError])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it('sends nothing and charges no attempt while offline', async () => {
    const h = await setup({ engine: { isOnline: async () => false } });
    await h.addActions(2);
    const report = await h.engine.run('schedule');
    expect(report).toMatchObject({ outcome: 'offline', run: null });
    expect(h.receiver.requests).toHaveLength(0);
    expect((await h.outboxStates()).pending.every((entry) => entry.attempts === 0)).toBe(true);
  });

  it('yields to the UI while it prepares a page, once a slice of time is used', async () => {
    let yields = 0;
    const h = await setup({
      batchSize: 5,
      engine: { yieldToUi: async () => void (yields += 1), policy: { sliceMs: 0 } },
    });
    await h.addActions(20);
    await h.engine.run('manual');
    // A first page of one batch (5 entries), then one of the remaining 15: a yield before every entry but the first of each.
    expect(yields).toBe(4 + 14);
    expect(h.receiver.records.size).toBe(20);
  });

  it('builds the next request while one is in flight, and sends it only once the answer came', async () => {
    const order: string[] = [];
    const h = await setup({
      batchSize: 2,
      wrap: (webhook) => ({
        ...webhook,
        prepare: async (events) => {
          order.push('prepare');
          const prepared = await webhook.prepare(events);
          return {
            send: async () => {
              order.push('send');
              const outcome = await prepared.send();
              order.push('answer');
              return outcome;
            },
          };
        },
      }),
    });
    await h.addActions(6);
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    expect(order.join(' ')).toBe('prepare send prepare answer send prepare answer send answer');
  });

  it('tells its progress a page at a time', async () => {
    const progress: number[] = [];
    const h = await setup({
      batchSize: 2,
      engine: { onProgress: ({ sent }) => progress.push(sent), policy: { progressIntervalMs: 0 } },
    });
    await h.addActions(11);
    await h.engine.run('manual');
    // Pages of 2, then 8, then the last 1.
    expect(progress).toEqual([2, 10, 11]);
  });

  it('tells its progress at most every 250 ms, so a short run is not re-rendered page after page', async () => {
    const progress: { sent: number; at: number }[] = [];
    let h: SyncHarness | undefined = undefined;
    /** Test-clock time since the run started: only the requests below move the clock. */
    let elapsed = 0;
    h = await setup({
      batchSize: 2,
      engine: { onProgress: ({ sent }) => progress.push({ sent, at: elapsed }) },
      // Every request takes 60 ms.
      wrap: (webhook) =>
        aroundEachSend(webhook, async (send) => {
          h!.clock.advance(60);
          elapsed += 60;
          return send();
        }),
    });
    await h.addActions(40);
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    // Pages end at 60 ms (2 sent), then every 240 ms (4 requests of 8 actions), and at 1,200 ms (the
    // last 6). Those at 60, 540 and 1,020 ms come less than 250 ms after the start or the last word.
    expect(progress).toEqual([
      { sent: 10, at: 300 },
      { sent: 26, at: 780 },
      { sent: 40, at: 1_200 },
    ]);
  });

  it('pulls from a two-way connector after pushing, and moves the cursor only after the changes are applied', async () => {
    const applied: unknown[][] = [];
    const cursorsAsked: (string | null)[] = [];
    let failApply = true;
    const h = await setup({
      engine: {
        applyPulled: async (changes) => {
          if (failApply) throw new Error('disk full');
          applied.push(changes);
        },
      },
      wrap: (webhook): SyncConnector => ({
        ...webhook,
        kind: 'hub',
        pull: async (cursor) => {
          cursorsAsked.push(cursor);
          return { ok: true, cursor: `c${cursorsAsked.length}`, changes: [] };
        },
      }),
    });
    expect(await h.engine.run('manual')).toEqual({
      outcome: 'failed',
      message:
        'Sync stopped on an error on this device (disk full). Nothing waiting was lost: it goes at the next sync',
      run: null,
      nextDueAt: null,
    });
    failApply = false;
    await h.engine.run('manual');
    await h.engine.run('manual');
    expect(cursorsAsked).toEqual([null, null, 'c2']);
    expect(applied).toHaveLength(2);
  });

  it('says in the run what the upstream sent back and what of it could not be kept here', async () => {
    const h = await setup({
      engine: { applyPulled: async () => ({ changed: 2, notKept: ['the action "Plan": text: Too big', 'a note'] }) },
      wrap: (webhook): SyncConnector => ({
        ...webhook,
        kind: 'hub',
        pull: async () => ({ ok: true, cursor: 'c1', changes: [] }),
      }),
    });
    const report = await h.engine.run('manual');
    expect(report.message).toBe(
      'Nothing new to send; received 2 changes from the upstream; 2 changes from the upstream could not be kept here (the action "Plan": text: Too big; …)',
    );
    expect(report.run?.message).toBe(report.message);
  });

  it('says why it cannot run when no connector is set up', async () => {
    const h = await setup({ engine: { connector: async () => fail('Sync is off') } });
    await h.addActions(1);
    expect(await h.engine.run('manual')).toMatchObject({ outcome: 'not-set-up', message: 'Sync is off' });
  });
});
