// How a run goes: one at a time with a single follow-up, yields to the UI while preparing, the next
// request built while one travels, and progress told at most every so often.
// Each against a real HTTP receiver on 127.0.0.1 that injects faults (see ./harness.ts).
import { describe, expect, it } from 'vitest';
import { aroundEachSend, type SyncHarness, harnessPerTest } from './harness';

const setup = harnessPerTest();

describe('the sync engine: runs', () => {
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
});
