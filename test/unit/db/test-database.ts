// A fresh database per test, on fake-indexeddb, with a clock the test controls.
import { afterEach } from 'vitest';
import { FollowthroughDatabase } from '../../../renderer/db/database';
import { createRepositories, type Repositories } from '../../../renderer/db/repositories';
import type { Consent } from '../../../shared/model';
import { generateDataKey, sealingKeyring, type Keyring } from '../../../renderer/db/encryption/keyring';

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

const testDataKey = await generateDataKey();

/** A keyring holding this file's data key, sealing, as the app's is once unlocked. */
export function openKeyring(): Keyring {
  return sealingKeyring(testDataKey);
}

export function openTestDatabase(clock = testClock()) {
  const db = new FollowthroughDatabase(`test-${crypto.randomUUID()}`, openKeyring());
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

type NewParticipant = Parameters<Repositories['participants']['create']>[0];
type NewSession = Parameters<Repositories['sessions']['create']>[0];

/** Where most data tests begin: a participant and one session of theirs, on 2 November 2026 at
 * 09:00 unless `session` says otherwise. */
export async function participantWithSession(
  repos: Repositories,
  participant: NewParticipant,
  session: Partial<NewSession> = {},
) {
  const created = await repos.participants.create(participant);
  return {
    participant: created,
    session: await repos.sessions.create({
      participantId: created.id,
      date: '2026-11-02',
      startTime: '09:00',
      ...session,
    }),
  };
}
