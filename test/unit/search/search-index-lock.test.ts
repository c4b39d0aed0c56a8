import { describe, expect, it } from 'vitest';
import { participantWithSession } from '../db/test-database';
import { searchPerTest } from './search-per-test';
import { DataLockedError } from '../../../renderer/db/encryption/keyring';

const { openDatabase, indexOver } = searchPerTest();

describe('the search index when the app locks', () => {
  it('answers nothing from memory while locked, and finds the notes again after unlock', async () => {
    const { db, repos } = openDatabase();
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
    await repos.sessions.update(session.id, { reality: 'Escalations bypass the triage RACI' });
    const index = indexOver(db);
    expect(await index.search('bypass')).toHaveLength(1);

    const key = db.keyring.key!;
    db.keyring.forget();
    expect(index.documents).toBe(0);
    await expect(index.search('bypass')).rejects.toBeInstanceOf(DataLockedError);

    db.keyring.open(key);
    expect(await index.search('bypass')).toEqual([{ kind: 'session', recordId: session.id }]);
  });
});
