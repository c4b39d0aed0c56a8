// Consent and erasure: changes of a participant who has not agreed to share are held back, and a
// consent withdrawn or a participant erased while a run goes on stops what was prepared for them.
// Each against a real HTTP receiver on 127.0.0.1 that injects faults (see ./harness.ts).
import { describe, expect, it } from 'vitest';
import {
  changeDuringNextRequest,
  firstRequests,
  type HarnessOptions,
  type SyncHarness,
  harnessPerTest,
} from './harness';
import Dexie from 'dexie';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { retryParked } from '../../../renderer/sync/outbox-queue';
import { HELD_BACK_REASON } from '../../../renderer/db/outbox';
import type { SyncRunReport } from '../../../renderer/sync/outcomes';

const setup = harnessPerTest();

describe('the sync engine: consent', () => {
  it('holds back actions queued as pending of a participant without consent, and sends them once consent is given', async () => {
    const h = await setup();
    await h.addActions(2);
    // Consent withdrawn past the repositories, which would have held the queue at once: as in an
    // outbox from before they did, or a backup restored.
    await h.db.participants.update(h.participant.id, {
      consent: { ...h.participant.consent, shareActions: 'none' },
    });
    const report = await h.engine.run('manual');
    expect(h.receiver.requests).toHaveLength(0);
    const { held, parked } = await h.outboxStates();
    expect(parked).toHaveLength(0);
    expect(held).toHaveLength(2);
    expect(held[0].lastError).toBe(HELD_BACK_REASON);
    expect(report.run?.held).toBe(2);

    expect((await h.engine.run('manual')).run).toBeNull();
    expect(h.receiver.requests).toHaveLength(0);

    await h.repos.participants.update(h.participant.id, {
      consent: { ...h.participant.consent, shareActions: 'pseudonymous' },
    });
    expect((await h.engine.run('manual')).outcome).toBe('sent');
    expect(h.receiver.records.size).toBe(2);
  });

  describe('while a run goes on', () => {
    /** A harness whose first request's answer comes only once `change` has been committed. */
    async function changedAfterFirstRequest(
      change: (h: SyncHarness) => Promise<unknown>,
      options: HarnessOptions = {},
    ) {
      const during = changeDuringNextRequest();
      const h = await setup({ batchSize: 2, wrap: during.wrap, ...options });
      await h.addActions(20);
      during.next(() => change(h));
      return h;
    }
    const withdrawConsent = (h: SyncHarness) =>
      h.repos.participants.update(h.participant.id, { consent: { ...h.participant.consent, shareActions: 'none' } });

    it('sends nothing more of a participant whose consent is withdrawn, and holds the rest', async () => {
      const h = await changedAfterFirstRequest(withdrawConsent);
      const report = await h.engine.run('manual');
      expect(h.receiver.requests).toHaveLength(1);
      expect(report.run?.sentActions).toBe(2);
      expect((await h.outboxStates()).held).toHaveLength(18);
    });

    it('keeps held the changes in a request that fails after consent was withdrawn', async () => {
      const h = await changedAfterFirstRequest(withdrawConsent, {
        receiver: { faultFor: firstRequests('server-error') },
      });
      expect((await h.engine.run('manual')).outcome).toBe('will-retry');
      const { held, pending } = await h.outboxStates();
      expect(pending).toEqual([]);
      expect(held).toHaveLength(20);
      // The failed attempt still counts against the two that went out.
      expect(held.filter((entry) => entry.attempts === 1)).toHaveLength(2);
    });

    it("runs the coach's Retry as theirs, past the backoff, though an automatic retry queued the next run first", async () => {
      let refusing = true;
      const during = changeDuringNextRequest();
      const h = await setup({
        wrap: during.wrap,
        receiver: {
          faultFor: (n) => (n === 1 ? 'server-error' : 'none'),
          refuse: (events) =>
            refusing && events.some((event) => 'action' in event && event.action.text.startsWith('Refused'))
              ? { status: 422, body: '{"error":"Owner must be an email address"}' }
              : null,
        },
      });
      await h.repos.actions.add({ participantId: h.participant.id, text: 'Refused: hand over', owner: 'Dana' });
      expect((await h.engine.run('manual')).outcome).toBe('rejected');
      refusing = false;
      await h.addActions(1);
      let coachRetry: Promise<SyncRunReport> | undefined;
      during.next(async () => {
        void h.engine.run('retry');
        await retryParked(h.db, h.clock());
        coachRetry = h.engine.run('retry-parked');
      });
      expect((await h.engine.run('manual')).outcome).toBe('will-retry');
      const report = await coachRetry!;
      expect(report.run?.trigger).toBe('retry-parked');
      expect(report.outcome).toBe('sent');
      expect(h.receiver.records.size).toBe(2);
    });

    it('sends nothing more of a participant erased, and keeps no line of them in the history', async () => {
      const h = await changedAfterFirstRequest((h) => eraseParticipant(h.db, h.participant.id, h.clock()));
      const report = await h.engine.run('manual');
      expect(h.receiver.requests).toHaveLength(1);
      expect(report.run?.sentActions).toBe(2);
      const [kept] = await h.db.syncRuns.toArray();
      expect(kept.sentItems).toEqual([]);
      expect(JSON.stringify(kept)).not.toMatch(/Action \d/);
      expect(await h.db.outbox.count()).toBe(0);
    });

    it('keeps no answer that named a participant erased while it was on its way', async () => {
      const during = changeDuringNextRequest();
      const h = await setup({
        batchSize: 1,
        receiver: {
          refuse: (events) => ({
            status: 422,
            body: `Owner ${(events[0] as { action: { owner: string } }).action.owner} is not an email address`,
          }),
        },
        wrap: during.wrap,
      });
      await h.addActions(1);
      during.next(() => eraseParticipant(h.db, h.participant.id, h.clock()));
      await h.engine.run('manual');
      const [kept] = await h.db.syncRuns.toArray();
      expect(kept.exchanges[0].detail).toBe('Removed when a participant was erased');
      expect(JSON.stringify(kept)).not.toMatch(/Amara|Okafor/);
    });

    it('stops watching participants once the run is over', async () => {
      // Dexie keeps the subscribers of its global event in a list.
      const watchers = () => (Dexie.on('storagemutated') as unknown as { subscribers: unknown[] }).subscribers.length;
      const h = await setup();
      const before = watchers();
      await h.addActions(2);
      await h.engine.run('manual');
      await h.engine.run('manual');
      expect(watchers()).toBe(before);
    });
  });
});
