// The retention rules: private notes go N months after coaching ends, or after each session when
// the participant has not agreed to notes being kept; never before a 30-day grace; actions, the
// Will, pulse and time stay. The preview lists exactly what a run then removes.
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/test-database';
import { applyRetention, planRetention } from '../../../renderer/privacy/retention';
import { readLastRetentionRun, writeRetentionPolicy } from '../../../renderer/privacy/retention-policy';
import { changeConsent } from '../../../renderer/privacy/consent';
import { privateFields } from '../../../shared/model';

const day = 24 * 60 * 60 * 1000;
const privateText = Object.fromEntries(privateFields.session.map((field) => [field, `private ${field}`]));

async function coachedLeader(name: string, dates: string[]) {
  const context = openTestDatabase();
  const { repos } = context;
  const participant = await repos.participants.create({ name, notes: 'Going through a reorganisation' });
  const sessions = [];
  for (const date of dates) {
    const session = await repos.sessions.create({
      participantId: participant.id,
      date,
      startTime: '09:00',
      ...privateText,
      will: 'Run the Monday review',
      pulse: { preparation: 4, clarity: 5, documentedAction: 3 },
      durationMinutes: 60,
    });
    await repos.actions.addMany([
      { participantId: participant.id, sessionId: session.id, text: `Action from ${date}` },
    ]);
    sessions.push(session);
  }
  return { ...context, participant, sessions };
}

describe('retention after coaching ends', () => {
  it('previews, waits the grace, then clears only private notes 12 months after the last session', async () => {
    // The clock starts on 2 Nov 2026; coaching ended on 10 Sep 2025, so notes were due on 10 Sep 2026.
    const { db, repos, clock, participant, sessions } = await coachedLeader('Amara Okafor', [
      '2025-06-02',
      '2025-09-10',
    ]);
    await repos.participants.update(participant.id, { status: 'completed' });
    expect((await planRetention(db)).items).toEqual([]);

    const chosenAt = clock();
    await writeRetentionPolicy(db, { mode: 'after-coaching-ends', monthsAfterEnd: 12 }, chosenAt);
    const plan = await planRetention(db);
    expect(plan.items.map((item) => [item.kind, item.sessionDate, item.reason])).toEqual([
      ['participant', null, 'coaching-ended'],
      ['session', '2025-06-02', 'coaching-ended'],
      ['session', '2025-09-10', 'coaching-ended'],
    ]);
    // Already due, but the policy is new: removal waits 30 days from the moment it was chosen.
    expect(plan.items.every((item) => item.removeAt === chosenAt + 30 * day)).toBe(true);

    clock.advance(29 * day);
    expect(await applyRetention(db, clock())).toEqual({ at: clock(), sessions: 0, participants: 0 });
    expect((await db.sessions.get(sessions[0].id))?.goal).toBe('private goal');

    clock.advance(day);
    expect(await applyRetention(db, clock())).toEqual({ at: clock(), sessions: 2, participants: 1 });
    for (const session of await db.sessions.toArray()) {
      for (const field of privateFields.session) expect(session[field]).toBe('');
      expect(session.will).toBe('Run the Monday review');
      expect(session.pulse).toEqual({ preparation: 4, clarity: 5, documentedAction: 3 });
      expect(session.durationMinutes).toBe(60);
      expect(session.updatedAt).toBe(clock());
    }
    expect((await db.participants.get(participant.id))?.notes).toBe('');
    expect(await db.actions.count()).toBe(2);
    expect(await readLastRetentionRun(db)).toEqual({ at: clock(), sessions: 2, participants: 1 });
    expect((await planRetention(db)).items).toEqual([]);
    await db.delete();
  });

  it('leaves active participants and recent endings alone, and dates the future removal', async () => {
    const { db, repos, clock, participant } = await coachedLeader('Bea Lindqvist', ['2026-10-01']);
    const active = await coachedLeader('Chidi Obi', ['2024-01-01']);
    await repos.participants.update(participant.id, { status: 'completed' });
    await writeRetentionPolicy(db, { mode: 'after-coaching-ends', monthsAfterEnd: 12 }, clock());
    const [first] = (await planRetention(db)).items;
    expect(new Date(first.dueAt).toISOString().slice(0, 10)).toBe('2027-10-01');
    expect(first.removeAt).toBe(first.dueAt + 30 * day);
    clock.advance(300 * day);
    expect((await applyRetention(db, clock())).sessions).toBe(0);
    await db.delete();
    await active.db.delete();
  });
});

describe('retention by consent', () => {
  it('clears a session’s notes 30 days after it, once notes may no longer be kept', async () => {
    const { db, clock, participant, sessions } = await coachedLeader('Dara Quinn', ['2026-10-01', '2026-11-20']);
    await changeConsent(db, participant.id, { keepNotes: false }, clock);
    const plan = await planRetention(db);
    expect(plan.items.map((item) => [item.sessionDate, item.reason])).toEqual([
      [null, 'consent'],
      ['2026-10-01', 'consent'],
      ['2026-11-20', 'consent'],
    ]);
    // The October session was due when consent changed; the November one 30 days after its date.
    expect(plan.items[1].removeAt).toBe(clock() + 30 * day);
    clock.advance(30 * day);
    expect(await applyRetention(db, clock())).toMatchObject({ sessions: 1, participants: 1 });
    expect((await db.sessions.get(sessions[0].id))?.notes).toBe('');
    expect((await db.sessions.get(sessions[1].id))?.notes).toBe('private notes');
    await db.delete();
  });
});
