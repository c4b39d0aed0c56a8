// A run cut off mid-way (the page reloaded, the app quit) leaves the outbox as the upstream left
// it: what the receiver acknowledged is no longer pending, what it did not is, without an error.
import { describe, expect, it } from 'vitest';
import { aroundEachSend, harnessPerTest } from './harness';
import { outboxOverview } from '../../../renderer/sync/outbox-queue';

const setup = harnessPerTest();

describe('a run cut off while a request travels', () => {
  it('keeps pending only what the receiver has not acknowledged', async () => {
    let sends = 0;
    let cutOff!: () => void;
    const cut = new Promise<void>((resolve) => (cutOff = resolve));
    const h = await setup({
      batchSize: 10,
      // The fourth request never gets its answer: the page that sent it is gone.
      wrap: (webhook) =>
        aroundEachSend(webhook, async (send) => {
          sends += 1;
          if (sends < 4) return send();
          cutOff();
          return new Promise(() => undefined);
        }),
    });
    await h.addActions(60);
    void h.engine.run('manual');
    await cut;
    await expect.poll(() => h.receiver.records.size).toBe(30);

    await expect.poll(async () => (await outboxOverview(h.db, 50)).pending).toBe(30);
    const left = await h.db.outbox.toArray();
    expect(left.every((entry) => entry.lastError === null && entry.attempts === 0)).toBe(true);
  });
});
