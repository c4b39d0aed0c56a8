// Version 2: contract reviews get their own table, sessions a per-participant date index, and each
// existing participant the consent of the time: actions shared with their name.
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../../renderer/db/database';
import { openAt } from './open-at';

describe('schema version 2', () => {
  it('gives existing participants the consent of the time and keeps every row', async () => {
    const participantId = crypto.randomUUID();
    const db = await openAt(2, async (old) => {
      await old.table('participants').add({
        id: participantId,
        name: 'Amara Okafor',
        role: 'Head of Operations',
        team: 'Ops',
        organisation: 'Acme Health',
        sponsor: 'COO',
        cohort: 'Pilot 1',
        tier: 'high-touch',
        startDate: '2026-09-01',
        primaryTarget: 'Run commitment reviews weekly',
        secondaryTarget: '',
        status: 'active',
        notes: 'Prefers mornings',
        createdAt: 1,
        updatedAt: 1,
      });
      await old.table('sessions').add({ id: crypto.randomUUID(), participantId, date: '2026-09-08', goal: 'g' });
    });

    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const participant = await db.participants.get(participantId);
    expect(participant?.notes).toBe('Prefers mornings');
    expect(participant?.consent).toEqual({ keepNotes: true, shareActions: 'named', aiProcessing: false });
    expect(await db.sessions.where('[participantId+date]').equals([participantId, '2026-09-08']).count()).toBe(1);
    expect(await db.contractReviews.count()).toBe(0);
  });
});
