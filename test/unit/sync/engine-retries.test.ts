// Failures that pass: backoff after a failed attempt, the upstream's Retry-After and the pause it
// sets on the whole upstream, parking after the bounded attempts, an unreachable upstream, offline,
// and a run out of time.
// Each against a real HTTP receiver on 127.0.0.1 that injects faults (see ./harness.ts).
import { describe, expect, it } from 'vitest';
import { aroundEachSend, firstRequests, harnessPerTest } from './harness';
import { closedPortUrl } from '../../support/closed-port';

const setup = harnessPerTest();

describe('the sync engine: retries', () => {
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
      expect(report.stop).toEqual({
        type: 'upstream-wait',
        reason: expect.stringMatching(/^The receiver answered 429/),
        until: first.nextDueAt,
      });
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
    expect(report.stop).toEqual({
      type: 'unreachable',
      connector: expect.stringMatching(/^Webhook to 127\.0\.0\.1:\d+$/),
      reason: expect.stringMatching(/^Network error: /),
    });
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
});
