// Whether a queued change waits to be sent or is held follows the consent of the participant whose
// record it is, as the repositories write it: at the change, at a consent change, and when a
// contract moves to another participant; and the queue keeps no name an erasure would leave behind.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, sharesWithName } from './test-database';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { changeConsent } from '../../../renderer/privacy/consent';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { HELD_BACK_REASON } from '../../../renderer/db/outbox';
import { whoseFrom } from '../../../renderer/features/sync/whose';
import type { StoredEntry } from '../../../renderer/sync/outbox-queue';

let db: FollowthroughDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const held = ['held', HELD_BACK_REASON];
const pending = ['pending', null];

async function setup() {
  const opened = openTestDatabase();
  db = opened.db;
  const ines = await opened.repos.participants.create({
    name: 'Ines Duarte',
    consent: { keepNotes: true, shareActions: 'none', aiProcessing: false },
  });
  const jon = await opened.repos.participants.create({ name: 'Jon Reyes', consent: sharesWithName });
  /** The state and reason of the entry queued for each record, in the order asked. */
  const queued = async (...recordIds: string[]) =>
    Promise.all(
      recordIds.map(async (recordId) => {
        const entries = await opened.db.outbox.where('recordId').equals(recordId).toArray();
        expect(entries).toHaveLength(1);
        return [entries[0].state, entries[0].lastError];
      }),
    );
  return { ...opened, ines, jon, queued };
}

describe('the sync queue and consent', () => {
  it('queues the changes of a participant who has not agreed to share actions as held, and follows their consent', async () => {
    const { repos, clock, db, ines, jon, queued } = await setup();
    const [first, second] = await repos.actions.addMany([
      { participantId: ines.id, text: 'Publish the escalation RACI' },
      { participantId: ines.id, text: 'Book the review' },
    ]);
    const jons = await repos.actions.add({ participantId: jon.id, text: 'Draft the hiring plan' });
    const contract = await repos.contracts.create({ participantId: ines.id, title: 'Platform team' });
    const commitment = await repos.contracts.addCommitment(contract.id);
    clock.advance(1_000);
    await repos.actions.update(first.id, { owner: 'Ines' });

    const hers = [first.id, second.id, commitment.id];
    expect(await queued(...hers)).toEqual([held, held, held]);
    expect((await db.outbox.where('recordId').equals(first.id).first())?.payload).toMatchObject({ owner: 'Ines' });
    expect(await queued(jons.id)).toEqual([pending]);

    await changeConsent(db, ines.id, { shareActions: 'pseudonymous' }, clock);
    expect(await queued(...hers)).toEqual([pending, pending, pending]);
    await repos.participants.update(ines.id, { consent: { ...ines.consent, shareActions: 'none' } });
    expect(await queued(...hers)).toEqual([held, held, held]);
    expect(await queued(jons.id)).toEqual([pending]);
  });

  it("moves a contract's queued commitments with the contract to its new participant's consent", async () => {
    const { repos, ines, jon, queued } = await setup();
    const contract = await repos.contracts.create({ participantId: jon.id, title: 'Platform team' });
    const commitment = await repos.contracts.addCommitment(contract.id);
    expect(await queued(commitment.id)).toEqual([pending]);
    await repos.contracts.update(contract.id, { participantId: ines.id });
    expect(await queued(commitment.id)).toEqual([held]);
    await repos.contracts.update(contract.id, { participantId: jon.id });
    expect(await queued(commitment.id)).toEqual([pending]);
  });

  it('follows consent for queued changes whose record is gone: a removed commitment, a purged action', async () => {
    const { repos, clock, db, ines, queued } = await setup();
    const contract = await repos.contracts.create({ participantId: ines.id, title: 'Platform team' });
    const commitment = await repos.contracts.addCommitment(contract.id);
    await repos.contracts.removeCommitment(contract.id, commitment.id);
    const action = await repos.actions.add({ participantId: ines.id, text: 'Book the review' });
    await repos.trash.deleteAction(action.id);
    clock.advance(31 * 24 * 60 * 60_000);
    expect(await repos.trash.purgeExpired()).toBe(1);
    expect(await queued(commitment.id, action.id)).toEqual([held, held]);

    await changeConsent(db, ines.id, { shareActions: 'named' }, clock);
    expect(await queued(commitment.id, action.id)).toEqual([pending, pending]);
    await changeConsent(db, ines.id, { shareActions: 'none' }, clock);
    expect(await queued(commitment.id, action.id)).toEqual([held, held]);
  });

  it('keeps no name in the queue: an erased participant leaves none behind, and a rename shows at once', async () => {
    const { repos, clock, db, ines, jon } = await setup();
    await repos.actions.add({ participantId: jon.id, text: 'Draft the hiring plan' });
    const contract = await repos.contracts.create({ participantId: ines.id, title: 'Platform team' });
    await repos.contracts.addCommitment(contract.id);
    await repos.contracts.update(contract.id, { participantId: jon.id });
    await repos.participants.update(jon.id, { consent: { ...jon.consent, shareActions: 'none' } });
    await eraseParticipant(db, ines.id, clock());
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('Ines');

    const renamed = await repos.participants.update(jon.id, { name: 'Jon Reyes-Okafor' });
    const whose = whoseFrom([renamed], await db.contracts.toArray());
    const entries = (await db.outbox.toArray()) as StoredEntry[];
    expect(entries.map((entry) => [entry.recordType, entry.lastError, whose(entry)])).toEqual([
      ['action', HELD_BACK_REASON, 'Jon Reyes-Okafor'],
      ['commitment', HELD_BACK_REASON, 'Jon Reyes-Okafor'],
    ]);
  });
});
