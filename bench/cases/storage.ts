// Writing 10,000 actions through the repository (validation, stamping, one outbox entry each, one
// transaction) against a bare Dexie bulkPut of the same action records: the price of the rules.
// Runs in Node on fake-indexeddb, so it measures our code's overhead rather than a browser's disk.
import 'fake-indexeddb/auto';
import { FollowthroughDatabase } from '../../renderer/db/database';
import { createRepositories } from '../../renderer/db/repositories';
import type { ActionDraft } from '../../renderer/db/actions';
import { generateDataset } from '../../shared/demo-dataset';
import type { Action } from '../../shared/model';
import { measureSides, timed } from '../sampling';
import type { BenchCase } from '../types';

function draftOf(action: Action): ActionDraft {
  const { participantId, sessionId, text, owner, dueDate, verification, isExperiment } = action;
  return { participantId, sessionId, text, owner, dueDate, verification, isExperiment };
}

/** Times `write` against a new, empty database, then deletes it. */
async function timeOnFreshDatabase(write: (db: FollowthroughDatabase) => Promise<unknown>): Promise<number> {
  const db = new FollowthroughDatabase(`bench-${crypto.randomUUID()}`);
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
    const count = mode.smoke ? 200 : 10_000;
    const actions = generateDataset({ size: mode.smoke ? 'small' : 'large' }).actions.slice(0, count);
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

export const cases: BenchCase[] = [bulkWrite];
