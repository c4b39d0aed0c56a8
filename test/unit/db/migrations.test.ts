// Each schema version is tested by creating a database at the version before it, filling it with
// realistic rows, and opening it with the current code.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { FollowthroughDatabase, schemaV1, CURRENT_SCHEMA_VERSION } from '../../../renderer/db/database';

async function createAtVersion1(name: string, fill: (db: Dexie) => Promise<void>) {
  const old = new Dexie(name);
  old.version(1).stores(schemaV1);
  await old.open();
  await fill(old);
  old.close();
}

describe('schema migrations', () => {
  it('version 1 → 2 gives existing participants the default consent and keeps every row', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const participantId = crypto.randomUUID();
    await createAtVersion1(name, async (db) => {
      await db.table('participants').add({
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
      await db.table('sessions').add({ id: crypto.randomUUID(), participantId, date: '2026-09-08', goal: 'g' });
    });

    const db = new FollowthroughDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const participant = await db.participants.get(participantId);
    expect(participant?.notes).toBe('Prefers mornings');
    expect(participant?.consent).toEqual({ keepNotes: true, shareActions: 'named', aiProcessing: false });
    expect(await db.sessions.where('[participantId+date]').equals([participantId, '2026-09-08']).count()).toBe(1);
    expect(await db.contractReviews.count()).toBe(0);
    await db.delete();
  });
});
