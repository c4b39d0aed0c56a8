// Runs in Chromium: the repository's bulk write on the browser's own IndexedDB and WebCrypto, the
// engine the app runs on. bench/cases/storage-chromium.ts bundles this file into a page.
import { FollowthroughDatabase } from '../../renderer/db/database';
import { createRepositories } from '../../renderer/db/repositories';
import { createKeyring, generateDataKey, sealingKeyring } from '../../renderer/db/encryption/keyring';
import type { ActionDraft } from '../../renderer/db/actions';

declare global {
  interface Window {
    benchBulkWrite: (drafts: ActionDraft[], sealed: boolean) => Promise<number>;
  }
}

const dataKey = generateDataKey();

/** Adds the drafts through the repository to a new database, sealed or in clear; the time it took. */
window.benchBulkWrite = async (drafts, sealed) => {
  const keyring = sealed ? sealingKeyring(await dataKey) : createKeyring();
  const db = new FollowthroughDatabase(`bench-${crypto.randomUUID()}`, keyring);
  await db.open();
  try {
    const started = performance.now();
    await createRepositories(db).actions.addMany(drafts);
    return performance.now() - started;
  } finally {
    await db.delete();
  }
};
