// Consent per participant with a dated log: each change is logged with what it was before, in the
// same transaction as the participant (version 6 starting the log is tested in db/migrations/v6).
import { describe, expect, it } from 'vitest';
import { openTestDatabase, sharesWithName } from '../db/test-database';
import { changeConsent, consentHistory, describeChange } from '../../../renderer/privacy/consent';

describe('consent changes', () => {
  it('write the participant and a dated log entry together, newest first in the history', async () => {
    const { db, repos, clock } = openTestDatabase();
    const participant = await repos.participants.create({ name: 'Amara Okafor', consent: sharesWithName });
    clock.advance(60_000);
    await changeConsent(db, participant.id, { shareActions: 'pseudonymous' }, clock);
    clock.advance(60_000);
    const updated = await changeConsent(db, participant.id, { keepNotes: false, aiProcessing: true }, clock);

    // Named to pseudonymous: a new pseudonym, which receivers cannot tie to the name.
    expect(updated.consent).toEqual({
      keepNotes: false,
      shareActions: 'pseudonymous',
      aiProcessing: true,
      pseudonymRound: 1,
    });
    expect((await db.participants.get(participant.id))?.consent).toEqual(updated.consent);
    const history = await consentHistory(db, participant.id);
    expect(history.map((entry) => entry.at)).toEqual([clock(), clock() - 60_000]);
    expect(describeChange(history[0])).toEqual(['Notes may be kept: yes → no', 'AI processing: not allowed → allowed']);
    expect(describeChange(history[1])).toEqual(['Actions: shared with their name → shared under a pseudonym']);
    await db.delete();
  });

  it('logs nothing when nothing changes, and refuses a value outside the choices', async () => {
    const { db, repos, clock } = openTestDatabase();
    const participant = await repos.participants.create({ name: 'Amara Okafor', consent: sharesWithName });
    await changeConsent(db, participant.id, { shareActions: 'named' }, clock);
    expect(await db.consentLog.count()).toBe(0);
    await expect(changeConsent(db, participant.id, { shareActions: 'everyone' as never }, clock)).rejects.toThrow(
      'Choose one of the options offered.',
    );
    expect(await db.consentLog.count()).toBe(0);
    await db.delete();
  });
});
