// The outbox as the Sync page and the sidebar see it: one shared read, paced while writes keep
// coming, held during a run, and always followed by a read after the last write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import { createOutboxSnapshot, type OutboxSnapshot } from '../../../renderer/features/sync/outbox-snapshot';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import type { OutboxEntry } from '../../../shared/model';

const REFRESH_MS = 150;

function entry(index: number): OutboxEntry {
  const recordId = crypto.randomUUID();
  return {
    recordType: 'action',
    recordId,
    idempotencyKey: `action:${recordId}:${index}`,
    payloadVersion: 1,
    payload: { id: recordId, text: `Action ${index}`, updatedAt: index },
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    state: 'pending',
    createdAt: index,
    updatedAt: index,
  };
}

// The snapshot's clock (setTimeout and performance.now) is faked, so time passes only when a test
// says so; IndexedDB and Dexie's change events still run on real turns of the event loop.
const realTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Moves the clock on by `ms`, letting what falls due run, and then what that started. */
async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let turn = 0; turn < 20; turn += 1) await realTurn();
}

/** Lets time pass a millisecond at a time until `condition` holds; returns how many passed. */
async function until(condition: () => boolean): Promise<number> {
  let waited = 0;
  while (!condition()) {
    if (waited >= 2_000) throw new Error('the snapshot never caught up');
    await pass(1);
    waited += 1;
  }
  return waited;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});

let db: FollowthroughDatabase | undefined;
let stopListening: (() => void) | undefined;
afterEach(async () => {
  vi.useRealTimers();
  stopListening?.();
  await db?.delete();
  db = undefined;
});

async function watched(): Promise<{ snapshot: OutboxSnapshot; notified: () => number }> {
  db = openTestDatabase().db;
  const snapshot = createOutboxSnapshot(db, { previewSize: 3, refreshMs: REFRESH_MS });
  let notifications = 0;
  stopListening = snapshot.subscribe(() => (notifications += 1));
  await until(() => snapshot.current() !== undefined);
  return { snapshot, notified: () => notifications };
}

describe('the outbox snapshot', () => {
  it('reads counts and the first entries when first watched, and follows a single write at once', async () => {
    const { snapshot } = await watched();
    expect(snapshot.current()).toMatchObject({ pending: 0, firstPending: [], held: [], parked: [] });
    await pass(REFRESH_MS);
    await db!.outbox.bulkAdd([1, 2, 3, 4, 5].map(entry));
    expect(await until(() => snapshot.current()?.pending === 5)).toBeLessThan(REFRESH_MS);
    expect(snapshot.current()?.firstPending.map((e) => e.updatedAt)).toEqual([1, 2, 3]);
  });

  it('paces its reads while writes keep coming, and shows the state after the last one', async () => {
    const { snapshot, notified } = await watched();
    const before = notified();
    const started = performance.now();
    for (let index = 1; index <= 30; index += 1) {
      await db!.outbox.add(entry(index));
      await pass(5);
    }
    const elapsed = performance.now() - started;
    await until(() => snapshot.current()?.pending === 30);
    // One read at the first write, then at most one per REFRESH_MS.
    expect(notified() - before).toBeLessThanOrEqual(Math.ceil(elapsed / REFRESH_MS) + 2);
    expect(notified() - before).toBeLessThan(30);
  });

  it('reads nothing while held, and once on release', async () => {
    const { snapshot, notified } = await watched();
    snapshot.hold(true);
    const before = notified();
    await db!.outbox.bulkAdd([1, 2].map(entry));
    await db!.outbox.add(entry(3));
    await pass(REFRESH_MS * 3);
    expect(notified()).toBe(before);
    expect(snapshot.current()?.pending).toBe(0);

    snapshot.hold(false);
    await until(() => snapshot.current()?.pending === 3);
    expect(notified()).toBe(before + 1);
  });

  it('does not notify when a write changed nothing it shows', async () => {
    const { snapshot, notified } = await watched();
    const [seq] = (await db!.outbox.bulkAdd([1, 2, 3, 4].map(entry), { allKeys: true })) as number[];
    await until(() => snapshot.current()?.pending === 4);
    const before = notified();
    await db!.outbox.update(seq, { lastError: null });
    await pass(REFRESH_MS * 3);
    expect(notified()).toBe(before);
  });
});
