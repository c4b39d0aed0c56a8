// Applying a pull on the device: the hub's state when nothing local is unsent; unsent local edits
// kept (they win when pushed) with the hub's history merged in; nothing queued; notes once.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHubApplier, mergePulled } from '../../../renderer/sync/connectors/hub-apply';
import type { HubAction } from '../../../shared/hub-protocol';
import type { Action } from '../../../shared/model';
import { openTestDatabase } from '../db/test-database';
import { participant, wireAction } from '../../support/hub-wire-events';

const iso = (at: number) => new Date(at).toISOString();
const day = (n: number) => Date.UTC(2026, 10, n, 9);

function hubVersionOf(local: Action, changes: Partial<HubAction> = {}): HubAction {
  return {
    ...wireAction({ id: local.id, at: local.createdAt, text: local.text, owner: local.owner, dueDate: local.dueDate }),
    verification: local.verification,
    history: local.history.map((entry) => ({
      status: entry.status,
      at: iso(entry.at),
      reason: entry.reason ?? null,
      source: entry.source,
    })),
    participant,
    notes: [],
    revision: 7,
    ...changes,
  };
}

async function localAction() {
  const { db, repos } = openTestDatabase();
  const person = await repos.participants.create({ name: 'Amara Okafor' });
  const action = await repos.actions.add({ participantId: person.id, text: 'Write the plan', owner: 'Amara' });
  return { db, repos, action };
}

const upstreamDone = (at: number) => ({
  status: 'done' as const,
  at: iso(at),
  reason: 'By Pat Lee',
  source: 'upstream' as const,
});

describe('applying a pull', () => {
  it("takes the hub's state whole when nothing local is unsent", async () => {
    const { action } = await localAction();
    const hub = hubVersionOf(action, { text: 'Write the plan with Sam', status: 'done' });
    hub.history = [...hub.history, upstreamDone(day(5))];
    const merged = mergePulled(action, hub, false);
    expect(merged).toMatchObject({
      text: 'Write the plan with Sam',
      status: 'done',
      id: action.id,
      participantId: action.participantId,
    });
    expect(merged.history.at(-1)).toEqual({ status: 'done', at: day(5), reason: 'By Pat Lee', source: 'upstream' });
  });

  it('keeps unsent local edits, adding the history the hub has', async () => {
    const { repos, action } = await localAction();
    const edited = await repos.actions.update(action.id, { text: 'Write the plan today' });
    const hub = hubVersionOf(action, { status: 'done' });
    hub.history = [...hub.history, upstreamDone(day(5))];
    expect(mergePulled(edited, hub, true)).toMatchObject({ text: 'Write the plan today', status: 'done' });

    const blocked = await repos.actions.setStatus(action.id, 'blocked', 'Waiting on Sam');
    const kept = mergePulled(blocked, hub, true);
    expect(kept.status).toBe('blocked');
    expect(kept.history.map((entry) => `${entry.status}/${entry.source}`)).toEqual([
      'open/coach',
      'done/upstream',
      'blocked/coach',
    ]);
  });

  it('is idempotent: merging the same hub state again changes nothing', async () => {
    const { action } = await localAction();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          text: fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text.trim().length > 0),
          owner: fc.string({ maxLength: 20 }),
        }),
        fc.boolean(),
        fc.boolean(),
        async (fields, done, unsent) => {
          const hub = hubVersionOf(action, { ...fields, status: done ? 'done' : 'open' });
          if (done) hub.history = [...hub.history, upstreamDone(day(5))];
          const once = mergePulled(action, hub, unsent);
          expect(mergePulled(once, hub, unsent)).toEqual(once);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes without queueing, keeps each note once, and counts only what changed', async () => {
    const { db, action } = await localAction();
    await db.outbox.clear();
    const apply = createHubApplier(db, () => day(6));
    const hub = hubVersionOf(action, {
      status: 'done',
      notes: [{ kind: 'comment', id: 'n1', at: iso(day(5)), author: 'Pat Lee', text: 'Well done' }],
    });
    hub.history = [...hub.history, upstreamDone(day(5))];
    const change = { recordType: 'action' as const, recordId: action.id, upstreamVersion: '7', fields: hub };

    expect(await apply([change])).toEqual({ changed: 1, notKept: [] });
    expect(await apply([change])).toEqual({ changed: 0, notKept: [] });
    expect((await db.actions.get(action.id))?.status).toBe('done');
    expect(await db.actionNotes.toArray()).toEqual([
      { id: 'n1', actionId: action.id, at: day(5), kind: 'comment', author: 'Pat Lee', text: 'Well done' },
    ]);
    expect(await db.outbox.count()).toBe(0);
    await db.delete();
  });

  const pulledFrom = (hub: HubAction) => ({
    recordType: 'action' as const,
    recordId: hub.id,
    upstreamVersion: '3',
    fields: hub,
  });

  it('keeps an action for a leader the hub names with a blank name, under a placeholder name', async () => {
    const { db } = openTestDatabase();
    const apply = createHubApplier(db, () => day(6));
    const ref = 'p-00000000000000bb';
    const hub: HubAction = {
      ...wireAction({ text: 'Publish the RACI' }),
      participant: { ref, sharing: 'named', displayName: '   ' },
      notes: [],
      revision: 3,
    };
    expect(await apply([pulledFrom(hub)])).toEqual({ changed: 1, notKept: [] });
    const [leader] = await db.participants.toArray();
    expect(leader.name).toBe(`Participant ${ref}`);
    expect((await db.actions.get(hub.id))?.participantId).toBe(leader.id);
    await db.delete();
  });

  it("keeps nothing of a change this device's rules refuse, and says which and why", async () => {
    const { db } = openTestDatabase();
    const apply = createHubApplier(db, () => day(6));
    const text = `Plan ${'x'.repeat(2000)}`;
    const hub: HubAction = { ...wireAction({ text }), participant, notes: [], revision: 3 };
    const { changed, notKept } = await apply([pulledFrom(hub)]);
    expect(changed).toBe(0);
    expect(notKept).toEqual([expect.stringMatching(/^the action "Plan x{295}…": text: Too big: .*2000/)]);
    expect(await db.actions.count()).toBe(0);
    await db.delete();
  });
});
