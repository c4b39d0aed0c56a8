// Writing 10,000 actions through the repository (validation, stamping, one outbox entry each, one
// transaction) against a bare Dexie bulkPut of the same action records: the price of the rules.
// Runs in Node on fake-indexeddb, so it measures our code's overhead rather than a browser's disk.
import 'fake-indexeddb/auto';
import { FollowthroughDatabase } from '../../renderer/db/database';
import { createRepositories } from '../../renderer/db/repositories';
import { createKeyring, generateDataKey, sealingKeyring, type Keyring } from '../../renderer/db/encryption/keyring';
import { benchActions, draftOf } from '../action-drafts';
import { measureSides, timed } from '../sampling';
import type { BenchCase } from '../types';

const dataKey = await generateDataKey();

/** A keyring holding a data key, sealing, as the app's is once its key is open. */
function openKeyring(): Keyring {
  return sealingKeyring(dataKey);
}

/** Times `write` against a new, empty database (encrypted with `keyring`, or in clear), then deletes it. */
async function timeOnFreshDatabase(
  write: (db: FollowthroughDatabase) => Promise<unknown>,
  keyring: Keyring = openKeyring(),
): Promise<number> {
  const db = new FollowthroughDatabase(`bench-${crypto.randomUUID()}`, keyring);
  await db.open();
  try {
    return await timed(() => write(db));
  } finally {
    await db.delete();
  }
}

const bulkWrite: BenchCase = {
  name: 'bulk-write-10k-actions',
  async measure(mode) {
    const actions = benchActions(mode);
    const drafts = actions.map(draftOf);
    const samples = await measureSides(mode, {
      ours: () => timeOnFreshDatabase((db) => createRepositories(db).actions.addMany(drafts)),
      baseline: () => timeOnFreshDatabase((db) => db.actions.bulkPut(actions)),
    });
    return {
      ...samples,
      notes: `${actions.length} actions; repository addMany (with outbox) vs db.actions.bulkPut; target ≤ 1.5×`,
    };
  },
};

const bulkWriteSealed: BenchCase = {
  name: 'bulk-write-10k-actions-encrypted',
  async measure(mode) {
    const drafts = benchActions(mode).map(draftOf);
    const addMany = (db: FollowthroughDatabase) => createRepositories(db).actions.addMany(drafts);
    const samples = await measureSides(mode, {
      ours: () => timeOnFreshDatabase(addMany),
      baseline: () => timeOnFreshDatabase(addMany, createKeyring()),
    });
    return {
      ...samples,
      notes: `${drafts.length} actions; repository addMany sealed vs in clear, Node; no target (see -chromium)`,
    };
  },
};

export const cases: BenchCase[] = [bulkWrite, bulkWriteSealed];
