// The conflict rule as pure functions: a carried-along value never overwrites, the later change in
// hub order wins, the value it replaced is kept as a conflict note, and history only grows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UpstreamMoveError } from '../../../server/sync/merge-action';
import type { TrackedField } from '../../../server/sync/stored-action';
import { desktop, laptop, memoryHub } from '../../support/memory-hub';
import { actionEvent, edited, withStatus, wireAction } from '../../support/hub-wire-events';
import type { WireAction } from '../../../shared/sync-protocol';

const day = (n: number) => Date.UTC(2026, 0, n, 9);

describe('the conflict rule', () => {
  it('creates an action from its first push, refusing history that claims to come from upstream', () => {
    const hub = memoryHub();
    const forged = wireAction({
      status: 'verified',
      history: [
        { status: 'open', at: new Date(day(1)).toISOString(), reason: null, source: 'coach' },
        { status: 'verified', at: new Date(day(2)).toISOString(), reason: 'By Pat Lee', source: 'upstream' },
      ],
    });
    hub.push(actionEvent(forged), laptop, 0);
    expect(hub.action.status).toBe('open');
    expect(hub.action.history.map((entry) => entry.source)).toEqual(['coach']);
  });

  it('keeps an upstream status when a device pushes an edit made before it saw it', () => {
    const hub = memoryHub();
    const action = wireAction({ at: day(1) });
    hub.push(actionEvent(action), laptop, 0);
    const base = hub.revision;
    hub.upstream('done', day(3));
    hub.push(actionEvent(edited(action, day(2), { text: 'Share the revised plan' })), laptop, base);
    expect(hub.action).toMatchObject({ text: 'Share the revised plan', status: 'done' });
    expect(hub.notes).toEqual([]);
  });

  it('lets a later coach status change win over upstream, keeping both in history and the loser in a note', () => {
    const hub = memoryHub();
    const action = wireAction({ at: day(1) });
    hub.push(actionEvent(action), laptop, 0);
    const base = hub.revision;
    hub.upstream('done', day(2));
    hub.push(actionEvent(withStatus(action, 'dropped', day(1) + 1000)), laptop, base);
    expect(hub.action.status).toBe('dropped');
    expect(hub.action.history.map((entry) => `${entry.status}/${entry.source}`)).toEqual([
      'open/coach',
      'done/upstream',
      'dropped/coach',
    ]);
    expect(hub.notes).toEqual([
      {
        field: 'status',
        keptValue: 'dropped',
        lostValue: 'done',
        lostBy: 'upstream',
        lostAuthor: 'Pat Lee',
        summary: 'Status: kept “dropped”, replaced “done” (changed upstream by Pat Lee)',
      },
    ]);
  });

  it('lets an upstream change that comes later win, the coach value staying in history', () => {
    const hub = memoryHub();
    const action = wireAction({ at: day(1) });
    hub.push(actionEvent(action), laptop, 0);
    const blocked = withStatus(action, 'blocked', day(2));
    hub.push(actionEvent({ ...blocked, blockedReason: 'Waiting on budget' }), laptop, hub.revision);
    hub.upstream('done', day(3));
    expect(hub.action).toMatchObject({ status: 'done', blockedReason: '' });
    expect(hub.action.history.map((entry) => entry.status)).toEqual(['open', 'blocked', 'done']);
  });

  it('refuses upstream moves the status rules do not allow', () => {
    const hub = memoryHub();
    hub.push(actionEvent(wireAction()), laptop, 0);
    expect(() => hub.upstream('verified', day(2))).toThrow(UpstreamMoveError);
  });

  it('does not count successive edits from the same device as a conflict', () => {
    const hub = memoryHub();
    const action = wireAction({ at: day(1) });
    hub.push(actionEvent(action), laptop, 0);
    hub.push(actionEvent(edited(action, day(2), { text: 'Second wording' })), laptop, 0);
    hub.push(actionEvent(edited(action, day(3), { text: 'Third wording' })), laptop, 0);
    expect(hub.action.text).toBe('Third wording');
    expect(hub.notes).toEqual([]);
  });

  const fieldValues = {
    text: fc.constantFrom('Call the sponsor', 'Write the one-pager', 'Pair with Sam'),
    owner: fc.constantFrom('Amara Okafor', 'Sam Lee', ''),
    dueDate: fc.constantFrom('2026-02-01', '2026-03-15', null),
    verification: fc.constantFrom('Sponsor confirms', 'Shared in channel', ''),
    isExperiment: fc.boolean(),
  } as const;
  type Edit = Partial<Pick<WireAction, keyof typeof fieldValues>>;
  const editArbitrary: fc.Arbitrary<Edit> = fc.record(fieldValues, { requiredKeys: [] });

  it('two devices editing from the same base: later push wins per field, no value dropped silently', () => {
    fc.assert(
      fc.property(editArbitrary, editArbitrary, (laptopEdit, desktopEdit) => {
        const hub = memoryHub();
        const original = wireAction({
          at: day(1),
          text: 'Original',
          owner: 'Original owner',
          dueDate: null,
          verification: 'Original check',
        });
        hub.push(actionEvent(original), laptop, 0);
        const base = hub.revision;
        hub.push(actionEvent(edited(original, day(2), laptopEdit)), laptop, base);
        hub.push(actionEvent(edited(original, day(3), desktopEdit)), desktop, base);

        for (const field of Object.keys(fieldValues) as (keyof typeof fieldValues)[]) {
          const start = original[field];
          const laptopValue = laptopEdit[field] ?? start;
          const desktopValue = desktopEdit[field] ?? start;
          const desktopChanged = desktopValue !== start;
          const laptopChanged = laptopValue !== start;
          const expected = desktopChanged ? desktopValue : laptopValue;
          expect(hub.action[field], field).toBe(expected);
          const conflict = hub.notes.find((note) => note.field === (field as TrackedField));
          if (desktopChanged && laptopChanged && desktopValue !== laptopValue) {
            expect(conflict, field).toMatchObject({ lostBy: 'coach', lostAuthor: 'Dana laptop' });
          } else {
            expect(conflict, field).toBeUndefined();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('applying the same push twice changes nothing the second time, and history never loses an entry', () => {
    const statusPaths = fc.array(fc.constantFrom('done', 'open', 'blocked', 'dropped'), { maxLength: 4 });
    fc.assert(
      fc.property(statusPaths, fc.boolean(), (path, upstreamDone) => {
        const hub = memoryHub();
        let action = wireAction({ at: day(1) });
        hub.push(actionEvent(action), laptop, 0);
        const base = hub.revision;
        if (upstreamDone) hub.upstream('done', day(2));
        path.forEach((status, index) => {
          if (status !== action.status) action = withStatus(action, status, day(3) + index);
        });
        const before = hub.action.history;
        hub.push(actionEvent(action), laptop, base);
        const after = hub.action.history;
        expect(after.slice(0, before.length)).toEqual(before);
        const keys = after.map((entry) => `${entry.status}|${entry.at}|${entry.source}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(after.at(-1)?.status).toBe(hub.action.status);
        expect(hub.push(actionEvent(action), laptop, base)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
