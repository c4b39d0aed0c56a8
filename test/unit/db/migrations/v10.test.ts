// Version 10 gives participants a session cadence and adds the reviews of earlier actions.
import { describe, expect, it } from 'vitest';
import { indexNames, openAt } from './open-at';

describe('schema version 10', () => {
  it('gives every existing participant no cadence, keeps them, and adds an empty actionReviews table', async () => {
    const id = crypto.randomUUID();
    const db = await openAt(10, (old) =>
      old.table('participants').add({ id, name: 'Amara Okafor', tier: 'high-touch' }),
    );

    expect((await db.participants.get(id))?.cadence).toBe('none');
    expect((await db.participants.get(id))?.name).toBe('Amara Okafor');
    expect(await db.actionReviews.count()).toBe(0);
    expect(indexNames(db.actionReviews).sort()).toEqual(['actionId', 'participantId', 'sessionId']);
  });
});
