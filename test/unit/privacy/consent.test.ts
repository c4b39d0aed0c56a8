// Consent per participant with a dated log: each change is logged with what it was before, in the
// same transaction as the participant; version 6 starts the log for participants already there.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openTestDatabase } from '../db/test-database';
import { changeConsent, consentHistory, describeChange } from '../../../renderer/privacy/consent';
import { FollowthroughDatabase, schemaV3 } from '../../../renderer/db/database';
import { defaultConsent } from '../../../shared/model';

describe('consent changes', () => {
  it('write the participant and a dated log entry together, newest first in the history', async () => {
    const { db, repos, clock } = openTestDatabase();
    const participant = await repos.participants.create({ name: 'Amara Okafor' });
    clock.advance(60_000);
    await changeConsent(db, participant.id, { shareActions: 'pseudonymous' }, clock);
    clock.advance(60_000);
    const updated = await changeConsent(db, participant.id, { keepNotes: false, aiProcessing: true }, clock);

    expect(updated.consent).toEqual({ keepNotes: false, shareActions: 'pseudonymous', aiProcessing: true });
    expect((await db.participants.get(participant.id))?.consent).toEqual(updated.consent);
    const history = await consentHistory(db, participant.id);
    expect(history.map((entry) => entry.at)).toEqual([clock(), clock() - 60_000]);
    expect(describeChange(history[0])).toEqual(['Notes may be kept: yes → no', 'AI processing: not allowed → allowed']);
    expect(describeChange(history[1])).toEqual(['Actions: shared with their name → shared under a pseudonym']);
    await db.delete();
  });

  it('logs nothing when nothing changes, and refuses a value outside the choices', async () => {
    const { db, repos, clock } = openTestDatabase();
    const participant = await repos.participants.create({ name: 'Amara Okafor' });
    await changeConsent(db, participant.id, { shareActions: 'named' }, clock);
    expect(await db.consentLog.count()).toBe(0);
    await expect(changeConsent(db, participant.id, { shareActions: 'everyone' as never }, clock)).rejects.toThrow(
      /shareActions/,
    );
    expect(await db.consentLog.count()).toBe(0);
    await db.delete();
  });
});

describe('schema version 6', () => {
  it('starts the consent log with each existing participant’s consent, and keeps every row', async () => {
    const name = `migration-v6-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(5).stores({ ...schemaV3, syncRuns: '++id, startedAt' });
    await old.open();
    const withdrawn = { keepNotes: false, shareActions: 'none', aiProcessing: false } as const;
    await old.table('participants').bulkAdd([
      { id: crypto.randomUUID(), name: 'Amara Okafor', consent: defaultConsent },
      { id: crypto.randomUUID(), name: 'Bea Lindqvist', consent: withdrawn },
    ]);
    old.close();

    const db = new FollowthroughDatabase(name);
    await db.open();
    const log = await db.consentLog.toArray();
    const consents = log.map((entry) => entry.consent).sort((a, b) => Number(b.keepNotes) - Number(a.keepNotes));
    expect(consents).toEqual([defaultConsent, withdrawn]);
    expect(log.every((entry) => entry.previous === null)).toBe(true);
    expect(describeChange(log[0])).toHaveLength(3);
    expect(await db.participants.count()).toBe(2);
    db.close();
    await Dexie.delete(name);
  });
});
