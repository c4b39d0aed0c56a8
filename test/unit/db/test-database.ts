// A fresh database per test, on fake-indexeddb, with a clock the test controls.
import { afterEach } from 'vitest';
import { FollowthroughDatabase } from '../../../renderer/db/database';
import { createRepositories } from '../../../renderer/db/repositories';
import type { Consent } from '../../../shared/model';

/** The consent of a participant who agreed to share their actions with their name. */
export const sharesWithName: Consent = { keepNotes: true, shareActions: 'named', aiProcessing: false };

export function testClock(start = Date.UTC(2026, 10, 2, 9, 0)) {
  let now = start;
  const clock = () => now;
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

export function openTestDatabase(clock = testClock()) {
  const db = new FollowthroughDatabase(`test-${crypto.randomUUID()}`);
  return { db, clock, repos: createRepositories(db, clock) };
}

/** Opens a fresh database when called inside a test and deletes it after that test. */
export function databasePerTest() {
  let db: FollowthroughDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });
  return (clock?: ReturnType<typeof testClock>) => {
    const opened = openTestDatabase(clock);
    db = opened.db;
    return opened;
  };
}
