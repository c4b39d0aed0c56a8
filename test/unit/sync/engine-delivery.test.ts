// What the engine delivers: signed batches, one request per batch, only the newest state of a
// record, edits made while a request travels kept, pseudonyms and commitments.
// Each against a real HTTP receiver on 127.0.0.1 that injects faults (see ./harness.ts).
import { describe, expect, it } from 'vitest';
import { changeDuringNextRequest, firstRequests, harnessPerTest } from './harness';

const setup = harnessPerTest();

describe('the sync engine: delivery', () => {
  it('sends every pending action in signed batches and empties the outbox only on acknowledgement', async () => {
    const h = await setup({ batchSize: 4 });
    const actions = await h.addActions(10);
    const report = await h.engine.run('manual');

    expect(report.outcome).toBe('sent');
    expect(report).toMatchObject({ stop: null, run: { sentActions: 10, sentCommitments: 0, parked: 0, held: 0 } });
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
    expect((await h.engine.run('manual')).run).toMatchObject({ sentCommitments: 2, sentActions: 0 });
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
});
