import { describe, expect, it } from 'vitest';
import { databasePerTest, participantWithSession } from './test-database';
import { ValidationError } from '../../../renderer/db/write';

const openDatabase = databasePerTest();

function setup() {
  const opened = openDatabase();
  return opened;
}

describe('repositories', () => {
  it('stamps ids and times, and refuses a participant without a name with a message', async () => {
    const { repos, clock } = setup();
    const amara = await repos.participants.create({ name: 'Amara Okafor' });
    expect(amara.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(amara.createdAt).toBe(clock());
    // Nothing goes upstream until the coach has asked them.
    expect(amara.consent).toEqual({ keepNotes: true, shareActions: 'none', aiProcessing: false });
    await expect(repos.participants.create({ name: '   ' })).rejects.toThrow(ValidationError);
    await expect(repos.participants.create({ name: '   ' })).rejects.toThrow(/needs a name/);
  });

  it('refuses an impossible date and keeps the stored session as it was', async () => {
    const { repos } = setup();
    const { session } = await participantWithSession(repos, { name: 'Li Wei' });
    await expect(repos.sessions.update(session.id, { date: '2026-02-30' })).rejects.toThrow(/does not exist/);
    await expect(repos.sessions.update(session.id, { durationMinutes: -5 })).rejects.toThrow(/negative/);
    await expect(repos.sessions.update(session.id, { durationMinutes: 24 * 60 + 1 })).rejects.toThrow(/24 hours/);
    expect((await repos.sessions.get(session.id))?.date).toBe('2026-11-02');
  });

  it('stores text exactly as typed, markup and emoji included', async () => {
    const { repos } = setup();
    const { session } = await participantWithSession(repos, { name: 'Noor' });
    const text = '<script>alert(1)</script> مرحبا 👩🏽‍💼 & "quotes"';
    await repos.sessions.update(session.id, { notes: text });
    expect((await repos.sessions.get(session.id))?.notes).toBe(text);
  });

  it('keeps every pulse answer when several are given in quick succession', async () => {
    const { repos } = setup();
    const { session } = await participantWithSession(repos, { name: 'Sam' });
    await Promise.all([
      repos.sessions.setPulseScore(session.id, 'preparation', 4),
      repos.sessions.setPulseScore(session.id, 'clarity', 5),
      repos.sessions.setPulseScore(session.id, 'documentedAction', 3),
    ]);
    expect((await repos.sessions.get(session.id))?.pulse).toEqual({ preparation: 4, clarity: 5, documentedAction: 3 });
    await expect(repos.sessions.setPulseScore(session.id, 'clarity', 6)).rejects.toThrow();
  });

  it('counts timer minutes into the duration', async () => {
    const { repos, clock } = setup();
    const { session } = await participantWithSession(repos, { name: 'Sam' });
    await repos.sessions.startTimer(session.id);
    clock.advance(47 * 60_000 + 20_000);
    const stopped = await repos.sessions.stopTimer(session.id);
    expect(stopped.durationMinutes).toBe(47);
    expect(stopped.timerStartedAt).toBeNull();
  });

  it('writes an action and its outbox entry together, coalescing unsent changes', async () => {
    const { repos, clock, db } = setup();
    const participant = await repos.participants.create({ name: 'Ines' });
    const action = await repos.actions.add({ participantId: participant.id, text: 'Publish the escalation RACI' });
    clock.advance(1_000);
    await repos.actions.update(action.id, { owner: 'Ines' });
    clock.advance(1_000);
    await repos.actions.setStatus(action.id, 'done');
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0].payload).toMatchObject({ id: action.id, owner: 'Ines', status: 'done' });
    expect(entries[0].idempotencyKey).toMatch(new RegExp(`^action:${action.id}:${clock()}:[0-9a-f]{8}$`));
  });

  it('queues a new entry once the earlier one has been attempted', async () => {
    const { repos, clock, db } = setup();
    const participant = await repos.participants.create({ name: 'Ines' });
    const action = await repos.actions.add({ participantId: participant.id, text: 'Publish the escalation RACI' });
    await db.outbox.toCollection().modify({ attempts: 1 });
    clock.advance(1_000);
    await repos.actions.update(action.id, { text: 'Publish the escalation RACI to the wiki' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('writes neither the action nor the outbox entry when the action is invalid', async () => {
    const { repos, db } = setup();
    const participant = await repos.participants.create({ name: 'Ines' });
    await expect(repos.actions.add({ participantId: participant.id, text: '' })).rejects.toThrow(/one-line/);
    expect(await db.actions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('bulk-completes what can be completed and skips the rest', async () => {
    const { repos } = setup();
    const participant = await repos.participants.create({ name: 'Ines' });
    const [first, second, third] = await repos.actions.addMany(
      ['One', 'Two', 'Three'].map((text) => ({ participantId: participant.id, text })),
    );
    await repos.actions.setStatus(third.id, 'dropped');
    expect(await repos.actions.setStatusMany([first.id, second.id, third.id], 'done')).toEqual({
      moved: 2,
      refused: [{ id: third.id, reason: 'An action that is dropped cannot become done' }],
    });
    expect((await repos.actions.get(third.id))?.status).toBe('dropped');
  });
});
