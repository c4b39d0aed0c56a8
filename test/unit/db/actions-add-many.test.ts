import { describe, expect, it } from 'vitest';
import { databasePerTest, sharesWithName } from './test-database';

const openDatabase = databasePerTest();

describe('adding many actions at once', () => {
  it('writes exactly one pending outbox entry per new action, in the order given', async () => {
    const opened = openDatabase();
    const { db } = opened;
    const participant = await opened.repos.participants.create({ name: 'Amara Okafor', consent: sharesWithName });
    const texts = Array.from({ length: 25 }, (_, index) => `Action ${index + 1}`);
    const actions = await opened.repos.actions.addMany(texts.map((text) => ({ participantId: participant.id, text })));

    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => entry.recordId)).toEqual(actions.map((action) => action.id));
    expect(entries.every((entry) => entry.state === 'pending' && entry.attempts === 0)).toBe(true);
    expect(entries[0].payload).toEqual(actions[0]);
    expect(entries[0].idempotencyKey).toMatch(new RegExp(`^action:${actions[0].id}:${opened.clock()}:[0-9a-f]{8}$`));
    expect(await db.actions.count()).toBe(25);
  });

  it('later changes to an added action coalesce into its one unsent entry', async () => {
    const opened = openDatabase();
    const { db } = opened;
    const participant = await opened.repos.participants.create({ name: 'Li Wei', consent: sharesWithName });
    const [first] = await opened.repos.actions.addMany([{ participantId: participant.id, text: 'Draft the RACI' }]);
    opened.clock.advance(1_000);
    await opened.repos.actions.setStatus(first.id, 'done');
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0].payload).toMatchObject({ id: first.id, status: 'done' });
  });

  it('writes nothing when one draft is invalid', async () => {
    const opened = openDatabase();
    const { db } = opened;
    const participant = await opened.repos.participants.create({ name: 'Noor', consent: sharesWithName });
    const drafts = [
      { participantId: participant.id, text: 'Fine' },
      { participantId: participant.id, text: '   ' },
    ];
    await expect(opened.repos.actions.addMany(drafts)).rejects.toThrow(/one-line description/);
    expect(await db.actions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
