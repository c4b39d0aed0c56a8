// Soak: 1,000 actions created and edited while 30% of requests meet a fault (seeded, so a failure
// replays). The engine runs on a fake clock that jumps to the next due retry, so backoff and
// Retry-After are honoured at full length while the test takes seconds.
import { afterEach, expect, it } from 'vitest';
import { syncHarness, type SyncHarness } from './harness';
import { faultKinds, type Fault } from '../../support/webhook-receiver';
import { seededRandom } from '../../support/seeded-random';
import type { Action } from '../../../shared/model';

const ACTIONS = 1_000;
const ROUNDS = 10;
const EDITS_PER_ROUND = 60;
const FAULT_RATE = 0.3;

/** In every block of ten requests, three chosen at random meet a random fault: 30% exactly. */
function faultPlan(random: () => number): (requestNumber: number) => Fault {
  const blocks = new Map<number, Map<number, Fault>>();
  return (requestNumber) => {
    const block = Math.floor(requestNumber / 10);
    if (!blocks.has(block)) {
      const positions = [...Array(10).keys()].sort(() => random() - 0.5).slice(0, FAULT_RATE * 10);
      blocks.set(
        block,
        new Map(positions.map((position) => [position, faultKinds[Math.floor(random() * faultKinds.length)]])),
      );
    }
    return blocks.get(block)!.get(requestNumber % 10) ?? 'none';
  };
}

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

it('delivers every action exactly once in its latest state through 30% faults', async () => {
  const workRandom = seededRandom(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(workRandom() * items.length)];
  const h = (harness = await syncHarness({
    batchSize: 10,
    timeoutMs: 250,
    receiver: {
      faultFor: faultPlan(seededRandom(7)),
      retryAfterSeconds: 90,
      slowMs: 20,
    },
    engine: { random: seededRandom(13) },
  }));

  const created: Action[] = [];
  let edits = 0;
  let runs = 0;
  const run = async () => {
    runs += 1;
    return h.engine.run(runs % 2 ? 'manual' : 'retry');
  };

  for (let round = 0; round < ROUNDS; round += 1) {
    created.push(...(await h.addActions(ACTIONS / ROUNDS)));
    await run();
    for (let edit = 0; edit < EDITS_PER_ROUND; edit += 1) {
      h.clock.advance(1);
      const action = pick(created);
      const current = (await h.repos.actions.get(action.id))!;
      if (current.status === 'open' && workRandom() < 0.3) await h.repos.actions.setStatus(action.id, 'done');
      else await h.repos.actions.update(action.id, { text: `${action.text.split(' (')[0]} (edit ${edits + 1})` });
      edits += 1;
      if (edit % 20 === 19) {
        await run();
        h.clock.advance(Math.floor(workRandom() * 60_000));
      }
    }
  }

  for (let drain = 0; drain < 500 && (await h.db.outbox.count()) > 0; drain += 1) {
    const report = await run();
    if (report.nextDueAt !== null) h.clock.advance(Math.max(0, report.nextDueAt - h.clock()));
  }

  const stored = await h.db.actions.toArray();
  const parked = await h.db.outbox.where('state').equals('parked').count();
  const counts = {
    actions: stored.length,
    edits,
    runs,
    requests: h.receiver.requests.length,
    faults: Object.fromEntries(Object.entries(h.receiver.faults).filter(([kind]) => kind !== 'none')),
    distinctEvents: h.receiver.events.size,
    duplicatesIgnored: h.receiver.duplicates,
    recordsHeld: h.receiver.records.size,
    outboxLeft: await h.db.outbox.count(),
    parked,
  };
  console.info('sync soak', JSON.stringify(counts));

  expect(counts.outboxLeft).toBe(0);
  expect(parked).toBe(0);
  expect(h.receiver.records.size).toBe(ACTIONS);
  for (const action of stored) {
    const event = h.receiver.records.get(action.id);
    if (!event || !('action' in event)) throw new Error(`The receiver lacks ${action.text}`);
    expect(event.recordVersion).toBe(action.updatedAt);
    expect(event.action).toMatchObject({ text: action.text, status: action.status, owner: action.owner });
  }
  const faulted = h.receiver.requests.filter((request) => request.fault !== 'none').length;
  expect(faulted / h.receiver.requests.length).toBeGreaterThanOrEqual(0.27);
  expect(h.receiver.duplicates).toBeGreaterThan(0);
  expect(h.receiver.requests.every((request) => request.signatureValid)).toBe(true);
});
