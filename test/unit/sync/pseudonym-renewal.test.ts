// A receiver that saw a participant's actions with their name must not recognise them once the
// coach shares them under a pseudonym only: the pseudonym sent from then on is a new one. Against
// a real receiver on 127.0.0.1 (./harness.ts).
import { sharesWithName } from '../db/test-database';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { harnessPerTest, type SyncHarness } from './harness';
import { changeConsent } from '../../../renderer/privacy/consent';
import { sharingFor } from '../../../renderer/sync/sharing';
import { shareModes, type Participant } from '../../../shared/model';
import type { SyncEvent } from '../../../shared/sync-protocol';

const setup = harnessPerTest();
type Shared = Extract<Awaited<ReturnType<typeof sharingFor>>, { kind: 'share' }>;

/** Each participant reference the receiver has seen, with whether it came with a name. */
function refsSeen(h: SyncHarness): { ref: string; named: boolean }[] {
  return h.receiver.requests.flatMap((request) =>
    (JSON.parse(request.rawBody) as { events: SyncEvent[] }).events.flatMap((event) =>
      'participant' in event && event.participant
        ? [{ ref: event.participant.ref, named: event.participant.displayName !== null }]
        : [],
    ),
  );
}

describe('a participant switched from named to pseudonymous sharing', () => {
  it('reaches the receiver under a new pseudonym, never the one it saw with their name', async () => {
    const h = await setup();
    const [action] = await h.addActions(1);
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    await changeConsent(h.db, h.participant.id, { shareActions: 'pseudonymous' }, h.clock);
    h.clock.advance(1_000);
    await h.repos.actions.update(action.id, { text: 'Action 1, revised' });
    expect((await h.engine.run('manual')).outcome).toBe('sent');

    const seen = refsSeen(h);
    const namedRefs = new Set(seen.filter((s) => s.named).map((s) => s.ref));
    const pseudonymousRefs = new Set(seen.filter((s) => !s.named).map((s) => s.ref));
    expect(namedRefs.size).toBe(1);
    expect(pseudonymousRefs.size).toBe(1);
    expect([...pseudonymousRefs].filter((ref) => namedRefs.has(ref))).toEqual([]);
  });

  it('keeps its pseudonym while it stays pseudonymous, so the receiver can still follow its actions', async () => {
    const h = await setup({ shareActions: 'pseudonymous' });
    const [action] = await h.addActions(1);
    await h.engine.run('manual');
    await changeConsent(h.db, h.participant.id, { shareActions: 'none' }, h.clock);
    await changeConsent(h.db, h.participant.id, { shareActions: 'pseudonymous' }, h.clock);
    h.clock.advance(1_000);
    await h.repos.actions.update(action.id, { text: 'Action 1, revised' });
    await h.engine.run('manual');
    expect(new Set(refsSeen(h).map((s) => s.ref)).size).toBe(1);
  });
});

describe('any sequence of consent changes, through either way of making them', () => {
  it('never sends one pseudonym both with the name and without it', async () => {
    const h = await setup();
    const step = fc.record({ mode: fc.constantFrom(...shareModes), through: fc.constantFrom('consent', 'edit') });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const participant = await h.repos.participants.create({ name: 'Jo Park', consent: sharesWithName });
        const named = new Set<string>([((await sharingFor(participant.id, participant)) as Shared).participant.ref]);
        const anonymous = new Set<string>();
        for (const { mode, through } of steps) {
          // An edit may hand back the consent as the screen read it earlier: a stale copy.
          if (through === 'consent') await changeConsent(h.db, participant.id, { shareActions: mode }, h.clock);
          else
            await h.repos.participants.update(participant.id, {
              consent: { ...participant.consent, shareActions: mode },
            });
          const now = (await h.db.participants.get(participant.id)) as Participant;
          const sharing = await sharingFor(participant.id, now);
          if (sharing.kind !== 'share') continue;
          (sharing.participant.displayName === null ? anonymous : named).add(sharing.participant.ref);
        }
        expect([...anonymous].filter((ref) => named.has(ref))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
