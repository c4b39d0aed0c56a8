// The push side of a run, driven directly: the queue read a page at a time in queue order, the
// first page one batch so the first request leaves early, entries not yet due left for later, and
// the run's time budget honoured between batches.
import { describe, expect, it } from 'vitest';
import { drainOutbox, type Pipeline } from '../../../renderer/sync/batch-pipeline';
import { liveRecordContext } from '../../../renderer/sync/live-record-context';
import { defaultSyncPolicy, type SyncPolicy } from '../../../renderer/sync/policy';
import { createSettlement } from '../../../renderer/sync/push-settlement';
import { createRunRecord } from '../../../renderer/sync/run-record';
import { harnessPerTest, type SyncHarness } from './harness';

const setup = harnessPerTest();

async function drain(h: SyncHarness, policy: Partial<SyncPolicy> = {}, dueBy = h.clock) {
  const record = createRunRecord({ trigger: 'schedule', connector: h.webhook.label, startedAt: h.clock() }, h.clock);
  const records = liveRecordContext(h.db);
  const pipeline: Pipeline = {
    ...createSettlement({
      db: h.db,
      connector: h.webhook,
      policy: { ...defaultSyncPolicy, ...policy },
      random: () => 0,
      now: h.clock,
      record,
    }),
    records,
    pacing: { yieldToUi: async () => undefined, sliceMs: 4 },
    dueBy,
    startedAt: h.clock(),
  };
  const stop = await drainOutbox(pipeline).finally(() => records.close());
  await Promise.all(pipeline.settling);
  return { stop, record };
}

const sentTexts = (h: SyncHarness) =>
  h.receiver.requests.map((request) =>
    (JSON.parse(request.rawBody) as { events: { action: { text: string } }[] }).events.map(
      (event) => event.action.text,
    ),
  );

describe('the batch pipeline', () => {
  it('sends the whole queue in queue order, in batches, and leaves the outbox empty', async () => {
    const h = await setup({ batchSize: 3 });
    await h.addActions(11);
    const { stop, record } = await drain(h);
    expect(stop).toBeNull();
    expect(sentTexts(h)).toEqual([
      ['Action 1', 'Action 2', 'Action 3'],
      ['Action 4', 'Action 5', 'Action 6'],
      ['Action 7', 'Action 8', 'Action 9'],
      ['Action 10', 'Action 11'],
    ]);
    expect(record.sent()).toBe(11);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('leaves entries whose next attempt is not due yet for a later run', async () => {
    const h = await setup({ batchSize: 10 });
    await h.addActions(3);
    const [first] = await h.db.outbox.toArray();
    await h.db.outbox.update(first.seq!, { attempts: 1, nextAttemptAt: h.clock() + 60_000 });
    await drain(h);
    expect(sentTexts(h)).toEqual([['Action 2', 'Action 3']]);
    expect(await h.db.outbox.count()).toBe(1);
  });

  it('takes no new batch once the run has used its time', async () => {
    const h = await setup({ batchSize: 2 });
    await h.addActions(6);
    const { stop } = await drain(h, { runBudgetMs: 0 });
    expect(stop).toEqual({ outcome: 'out-of-time', stop: { type: 'out-of-time' } });
    expect(h.receiver.requests).toHaveLength(0);
    expect(await h.db.outbox.count()).toBe(6);
  });
});
