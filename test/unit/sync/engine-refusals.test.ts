// Answers that refuse: a batch refused for its content is split to find the refused events, a
// refused connection pauses the upstream until the coach acts, a redirect is never followed, and a
// corrupted entry is parked.
// Each against a real HTTP receiver on 127.0.0.1 that injects faults (see ./harness.ts).
import { describe, expect, it } from 'vitest';
import { changeDuringNextRequest, harnessPerTest } from './harness';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSyncSettings, writeSyncSettings } from '../../../renderer/sync/settings';
import { discardEntry, type StoredEntry } from '../../../renderer/sync/outbox-queue';
import { recentRuns } from '../../../renderer/sync/run-log';

const setup = harnessPerTest();

describe('the sync engine: refusals', () => {
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
    expect(report).toMatchObject({
      stop: {
        type: 'refused-connection',
        reason: expect.stringMatching(/^The receiver answered 401: Unknown signing key\. .*signing secret/),
        paused: false,
      },
      run: { parked: 2, sentActions: 0 },
    });
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
      expect(report.stop).toMatchObject({
        type: 'refused-connection',
        reason: expect.stringMatching(/The address redirects elsewhere \(301 to \/new\)/),
      });
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
        stop: {
          type: 'refused-connection',
          reason: expect.stringMatching(/^The receiver answered 401: Unknown signing key\. .*signing secret/),
          paused: true,
        },
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
});
