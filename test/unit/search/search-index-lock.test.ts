import { describe, expect, it } from 'vitest';
import { searchPerTest } from './search-per-test';
import { DataLockedError } from '../../../renderer/db/encryption/keyring';

const { indexedSession } = searchPerTest();

describe('the search index when the app locks', () => {
  it('answers nothing from memory while locked, and finds the notes again after unlock', async () => {
    const { db, session, index } = await indexedSession();

    const key = db.keyring.key!;
    db.keyring.forget();
    expect(index.documents).toBe(0);
    await expect(index.search('bypass')).rejects.toBeInstanceOf(DataLockedError);

    db.keyring.open(key);
    expect(await index.search('bypass')).toEqual([{ kind: 'session', recordId: session.id }]);
  });
});
