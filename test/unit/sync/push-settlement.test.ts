// What a push's answer does to the outbox, settled directly: acknowledged entries removed, a retry
// counted with backoff, a connection refusal setting the batch aside and pausing the upstream, a
// content refusal split down to the refused event, and no attempt counted when nothing answers.
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../../../renderer/sync/batch';
import type { StoredEntry } from '../../../renderer/sync/outbox-queue';
import { defaultSyncPolicy } from '../../../renderer/sync/policy';
import { createSettlement, removeAcknowledged, settle } from '../../../renderer/sync/push-settlement';
import { createRunRecord } from '../../../renderer/sync/run-record';
import { liveRecordContext } from '../../../renderer/sync/live-record-context';
import { closedPortUrl } from '../../support/closed-port';
import { harnessPerTest, type HarnessOptions } from './harness';

const setup = harnessPerTest();

/** A harness with `count` actions queued, prepared as one batch, and a settlement for them. */
async function prepared(count: number, options: HarnessOptions = {}) {
  const h = await setup(options);
  await h.addActions(count);
  const entries = (await h.db.outbox.toArray()) as StoredEntry[];
  const records = liveRecordContext(h.db);
  const { items } = await prepareBatch(entries, records.context, { yieldToUi: async () => undefined, sliceMs: 4 });
  records.close();
  const record = createRunRecord({ trigger: 'manual', connector: h.webhook.label, startedAt: h.clock() }, h.clock);
  const settlement = createSettlement({
    db: h.db,
    connector: h.webhook,
    policy: defaultSyncPolicy,
    random: () => 0,
    now: h.clock,
    record,
  });
  return { h, items, record, settlement };
}

describe('settling a push', () => {
  it('counts an acknowledged batch as sent, and removes its entries when told to', async () => {
    const { h, items, record, settlement } = await prepared(3);
    expect(await settle(settlement, items, { kind: 'acknowledged', status: 200, detail: '' })).toBeNull();
    expect(record.run).toMatchObject({ sentActions: 3, exchanges: [{ result: 'acknowledged', events: 3 }] });
    expect(await h.db.outbox.count()).toBe(3);
    removeAcknowledged(settlement);
    await Promise.all(settlement.settling);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('counts a failed attempt on every entry and pauses the whole upstream for the backoff', async () => {
    const { h, items, settlement } = await prepared(2);
    const stop = await settle(settlement, items, {
      kind: 'retry',
      reason: 'The receiver answered 500',
      status: 500,
      retryAfterMs: null,
      countsAsAttempt: true,
    });
    expect(stop).toMatchObject({
      outcome: 'will-retry',
      stop: { type: 'upstream-wait' },
      pause: { until: expect.any(Number) },
    });
    const entries = await h.db.outbox.toArray();
    expect(entries.map((entry) => [entry.state, entry.attempts, entry.lastError])).toEqual([
      ['pending', 1, 'The receiver answered 500'],
      ['pending', 1, 'The receiver answered 500'],
    ]);
  });

  it('sets aside a batch whose connection was refused, and names its entries in the pause', async () => {
    const { h, items, record, settlement } = await prepared(2);
    const stop = await settle(settlement, items, {
      kind: 'rejected',
      reason: 'The receiver answered 401',
      status: 401,
      scope: 'connection',
    });
    const parked = await h.db.outbox.where('state').equals('parked').primaryKeys();
    expect(parked).toHaveLength(2);
    expect(stop).toMatchObject({ outcome: 'rejected', pause: { until: null, setAside: parked } });
    expect(record.run.parked).toBe(2);
  });

  it('splits a batch refused for its content until only the refused event is set aside', async () => {
    const { h, items, record, settlement } = await prepared(5, {
      receiver: {
        refuse: (events) =>
          events.some((event) => 'action' in event && event.action.text === 'Action 4')
            ? { status: 422, body: 'Action 4 is not welcome' }
            : null,
      },
    });
    const stop = await settle(settlement, items, {
      kind: 'rejected',
      reason: 'refused',
      status: 422,
      scope: 'content',
    });
    expect(stop).toBeNull();
    expect(record.run).toMatchObject({ sentActions: 4, parked: 1 });
    const [parked] = await h.db.outbox.where('state').equals('parked').toArray();
    expect(parked.payload).toMatchObject({ text: 'Action 4' });
  });

  it('counts no attempt when nothing answers at the upstream’s address', async () => {
    const { url } = await closedPortUrl();
    const { h, items, settlement } = await prepared(2, { webhookUrl: url });
    const stop = await settle(settlement, items, {
      kind: 'retry',
      reason: 'Network error',
      status: null,
      retryAfterMs: null,
      countsAsAttempt: true,
    });
    expect(stop).toEqual({
      outcome: 'will-retry',
      stop: { type: 'unreachable', connector: h.webhook.label, reason: 'Network error' },
    });
    expect((await h.db.outbox.toArray()).map((entry) => entry.attempts)).toEqual([0, 0]);
  });
});
