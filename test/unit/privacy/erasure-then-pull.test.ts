// Erasure removes a participant everywhere on the device. The hub still holds what was pushed
// before; when a program manager later comments on one of those actions, the next pull brings it
// down again. It must not bring the erased person back onto the device.
import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { createHubApplier } from '../../../renderer/sync/connectors/hub-apply';
import { pseudonymFor } from '../../../renderer/sync/sharing';
import { wireAction } from '../../support/hub-wire-events';
import type { HubAction } from '../../../shared/hub-protocol';

const openDatabase = databasePerTest();

const iso = (at: number) => new Date(at).toISOString();

describe('a pull after an erasure', () => {
  it('does not re-create the erased participant or their action', async () => {
    const opened = openDatabase();
    const { db, repos, clock } = opened;
    const amara = await repos.participants.create({ name: 'Amara Okafor' });
    const action = await repos.actions.add({ participantId: amara.id, text: 'Share the reorg plan with the team' });

    // What the hub holds of it, pushed before the erasure.
    const hub: HubAction = {
      ...wireAction({ id: action.id, at: action.createdAt, text: action.text }),
      participant: { ref: await pseudonymFor(amara.id), sharing: 'named', displayName: 'Amara Okafor' },
      notes: [],
      revision: 1,
    };

    clock.advance(86_400_000);
    expect(await eraseParticipant(db, amara.id, clock())).not.toBeNull();

    // A day later a program manager comments on the action in the hub; the next pull brings it.
    clock.advance(86_400_000);
    const commented: HubAction = {
      ...hub,
      updatedAt: iso(clock()),
      revision: 2,
      notes: [{ kind: 'comment', id: 'n1', at: iso(clock()), author: 'Pat Lee', text: 'How did Amara take it?' }],
    };
    const applied = await createHubApplier(
      db,
      clock,
    )([{ recordType: 'action', recordId: action.id, upstreamVersion: '2', fields: commented }]);

    expect(await db.participants.toArray()).toEqual([]);
    expect(await db.actions.get(action.id)).toBeUndefined();
    expect(await db.actionNotes.toArray()).toEqual([]);
    // And the coach is told why it was not kept.
    expect(applied.notKept.join(' ')).toMatch(/erased/i);
  });
});
