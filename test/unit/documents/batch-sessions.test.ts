// Which sessions a batch export covers: only those held, with something written, and it says how
// many it left out.
import { describe, expect, it } from 'vitest';
import { loadSessionBundles, skippedSessionsNote } from '../../../renderer/features/documents/session-bundles';
import { databasePerTest } from '../db/test-database';

const openDatabase = databasePerTest();

describe('the sessions of a batch export', () => {
  it('leaves out sessions not held yet and sessions with nothing written, and counts them', async () => {
    const { repos } = openDatabase();
    const leader = await repos.participants.create({ name: 'Amara Okafor' });
    const on = (date: string) => repos.sessions.create({ participantId: leader.id, date, startTime: '09:00' });
    const held = await on('2026-10-26');
    await repos.sessions.update(held.id, { will: 'Publish the triage RACI' });
    const withActionOnly = await on('2026-10-28');
    await repos.actions.add({ participantId: leader.id, sessionId: withActionOnly.id, text: 'Shadow a handoff' });
    await on('2026-10-30');
    await on('2026-11-02');
    const nextWeek = await on('2026-11-09');
    await repos.sessions.update(nextWeek.id, { goal: 'Prepared ahead: the sponsor conversation' });

    const batch = await loadSessionBundles(repos, { participantId: leader.id }, '2026-11-02');
    expect(batch.bundles.map((bundle) => bundle.session.date)).toEqual(['2026-10-26', '2026-10-28']);
    expect(batch.skipped).toEqual({ notHeldYet: 1, empty: 2 });
    expect(skippedSessionsNote(batch.skipped)).toBe(
      'Left out 1 session not held yet and 2 sessions with nothing written.',
    );
    const inRange = await loadSessionBundles(repos, { from: '2026-10-27', to: '2026-11-30' }, '2026-11-02');
    expect(inRange.bundles.map((bundle) => bundle.session.date)).toEqual(['2026-10-28']);
    expect(skippedSessionsNote({ notHeldYet: 0, empty: 0 })).toBe('');
  });
});
