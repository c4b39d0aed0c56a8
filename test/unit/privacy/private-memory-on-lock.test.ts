// What this window keeps in memory of what the coach wrote, and that locking empties all of it.
// The sweep below lists every module-level cache or store in the renderer: a new one fails it
// until it is either forgotten on lock (and checked here) or said to hold no private text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchPerTest } from '../search/search-per-test';
import { sourceFiles } from '../../support/source-files';

const { indexedSession } = searchPerTest();

/** Module-level state that may hold what the coach wrote: each is emptied by the keyring's forget. */
const forgottenOnLock = {
  'renderer/search/search-service.ts waiting':
    'search requests in flight: rejected, and the worker with its index ended',
};

/** Module-level state that never holds what the coach wrote, and why. */
const holdsNoPrivateText = {
  'renderer/components/toasts.tsx useToasts':
    'short messages; a refused edit’s text stays 8 seconds so that locking never loses it',
  'renderer/components/autosave.ts useSaveStatus': 'counts and the last error',
  'renderer/components/autosave.ts writersWithPendingEdits': 'writers, flushed before the key is forgotten',
  'renderer/features/lock/use-window-away.ts listeners': 'listeners',
  'renderer/features/lock/lock-store.ts useLock': 'the lock’s status and settings',
  'renderer/features/lock/notes-key.ts useNotesProtection': 'how the data key is protected',
  'renderer/features/privacy/backup-deps.ts useAutomaticBackupStatus': 'the last backup error',
  'renderer/features/privacy/erasure-report-host.tsx useErasureReport': 'counts and a name, kept in clear anyway',
  'renderer/sync/sync-status.ts useSyncStatus': 'counts and times',
  'renderer/sync/signature.ts keys': 'signing keys, not notes',
  'renderer/sync/connectors/file-drop-formats.ts finished': 'constants',
  'renderer/sync/connectors/webhook.ts retriedStatuses': 'constants',
  'renderer/sync/connectors/webhook.ts connectionStatuses': 'constants',
  'renderer/documents/catalogue.ts confidentialNames': 'constants',
  'renderer/documents/ooxml-package.ts fetchingFields': 'constants',
  'renderer/documents/fill-data.ts dateFormats': 'formatters',
  'renderer/documents/fill-data.ts numberFormats': 'formatters',
  'renderer/documents/xlsx/read-xlsx.ts builtInDateFormats': 'constants',
};

const moduleState = /^(?:export )?(?:const|let) (\w+)(?::[^=]+)? = (?:new (?:Map|Set|WeakMap)\b|create\s*[<(])/gm;

describe('private text in memory and the app lock', () => {
  it('knows every module-level cache and store of the renderer', () => {
    const found = sourceFiles('renderer').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(moduleState)].map((match) => `${file} ${match[1]}`),
    );
    expect(found.sort()).toEqual([...Object.keys(forgottenOnLock), ...Object.keys(holdsNoPrivateText)].sort());
  });

  it('empties the opened-records cache and the search index when the key is forgotten', async () => {
    const { db, index } = await indexedSession();
    expect(db.keyring.opened.size).toBeGreaterThan(0);
    expect(index.documents).toBeGreaterThan(0);

    db.keyring.forget();

    expect(db.keyring.opened.size).toBe(0);
    expect(index.documents).toBe(0);
  });
});
