import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { loadPrepCard, loadTodayData } from '../../../renderer/features/today/today-data';

const openDatabase = databasePerTest();

const HOUR = 3_600_000;

describe('the Today view data', () => {
  it('lists due actions, recent sessions and the sessions still owing an action', async () => {
    // Monday 2 November 2026, 09:00 local time.
    const start = new Date(2026, 10, 2, 9, 0).getTime();
    const opened = openDatabase(Object.assign(() => start, { advance: () => undefined }));
    const { repos } = opened;
    const amara = await repos.participants.create({ name: 'Amara' });
    const withAction = await repos.sessions.create({ participantId: amara.id, date: '2026-11-02', startTime: '08:00' });
    const fresh = await repos.sessions.create({ participantId: amara.id, date: '2026-11-02', startTime: '08:30' });
    const missed = await repos.sessions.create({ participantId: amara.id, date: '2026-10-20', startTime: '10:00' });
    const old = await repos.sessions.create({ participantId: amara.id, date: '2026-09-01', startTime: '10:00' });
    await repos.actions.add({
      participantId: amara.id,
      sessionId: withAction.id,
      text: 'Publish RACI',
      dueDate: '2026-11-01',
    });
    await repos.actions.add({
      participantId: amara.id,
      sessionId: withAction.id,
      text: 'Later',
      dueDate: '2026-12-01',
    });
    const done = await repos.actions.add({ participantId: amara.id, text: 'Done already', dueDate: '2026-10-01' });
    await repos.actions.setStatus(done.id, 'done');

    const data = await loadTodayData(repos, new Date(start + HOUR));
    expect(data.dueActions.map((action) => action.text)).toEqual(['Publish RACI']);
    expect(data.recentSessions.map((session) => session.id).sort()).toEqual([withAction.id, fresh.id].sort());
    expect(data.sessionsOwingAction.map(({ session, state }) => [session.id, state])).toEqual([
      [fresh.id, 'open'],
      [missed.id, 'missed'],
    ]);
    expect(data.sessionsOwingAction.some(({ session }) => session.id === old.id)).toBe(false);
    expect(data.participantCount).toBe(1);
  });

  it('shows the planned sessions of the next week and who is overdue for one at their cadence', async () => {
    const start = new Date(2026, 11, 7, 9, 0).getTime();
    const { repos } = openDatabase(Object.assign(() => start, { advance: () => undefined }));
    const amara = await repos.participants.create({ name: 'Amara', cadence: 'weekly' });
    const bea = await repos.participants.create({ name: 'Bea', cadence: 'every-two-weeks' });
    const cleo = await repos.participants.create({ name: 'Cleo', cadence: 'weekly' });
    const dev = await repos.participants.create({ name: 'Dev', cadence: 'none' });
    const emma = await repos.participants.create({ name: 'Emma', cadence: 'weekly' });
    for (const [who, date] of [
      [emma, '2026-11-20'],
      [amara, '2026-11-16'],
      [bea, '2026-11-16'],
      [cleo, '2026-11-30'],
      [dev, '2026-01-05'],
    ] as const) {
      await repos.sessions.complete(
        (await repos.sessions.create({ participantId: who.id, date, startTime: '10:00' })).id,
      );
    }
    const tomorrow = await repos.sessions.plan({
      participantId: cleo.id,
      date: '2026-12-08',
      startTime: '10:30',
      type: 'one-to-one',
    });
    const earlier = await repos.sessions.plan({
      participantId: bea.id,
      date: '2026-12-08',
      startTime: '08:00',
      type: 'one-to-one',
    });
    await repos.sessions.plan({ participantId: amara.id, date: '2026-12-20', startTime: '09:00', type: 'one-to-one' });
    const today = await repos.sessions.plan({
      participantId: dev.id,
      date: '2026-12-07',
      startTime: '15:00',
      type: 'one-to-one',
    });

    const data = await loadTodayData(repos, new Date(start));
    expect(data.comingUp.map((session) => session.id)).toEqual([today.id, earlier.id, tomorrow.id]);
    // Planned is not held: not a recent session, and owes no action under the 24-hour rule.
    expect(data.recentSessions.map((session) => session.date)).toEqual(['2026-11-30']);
    expect(data.sessionsOwingAction.map(({ session }) => session.status)).not.toContain('planned');
    // The four sessions held in the last 30 days, none of the four planned.
    expect(data.sessionsOwingAction).toHaveLength(4);
    // Amara: weekly, last held 16 Nov, next planned 20 Dec (beyond the week, but planned): not listed.
    // Bea and Cleo have one planned; Dev has no cadence. Emma, weekly since 20 Nov, is 10 days late.
    const overdue = (list: typeof data.dueForSession) =>
      list.map(({ participant, daysOverdue }) => [participant.name, daysOverdue]);
    expect(overdue(data.dueForSession)).toEqual([['Emma', 10]]);

    // Bea's planned session goes: every two weeks since 16 Nov, she is 7 days late, after Emma.
    await repos.trash.deleteSession(earlier.id);
    const after = await loadTodayData(repos, new Date(start));
    expect(overdue(after.dueForSession)).toEqual([
      ['Emma', 10],
      ['Bea', 7],
    ]);
  });

  it('lists planned sessions whose day passed without being held, newest first, until they are held or trashed', async () => {
    // Monday 7 December 2026, 09:00 local time.
    const start = new Date(2026, 11, 7, 9, 0).getTime();
    const { repos } = openDatabase(Object.assign(() => start, { advance: () => undefined }));
    const amara = await repos.participants.create({ name: 'Amara' });
    const plan = (date: string) =>
      repos.sessions.plan({ participantId: amara.id, date, startTime: '10:00', type: 'one-to-one' });
    const lastWeek = await plan('2026-11-30');
    const friday = await plan('2026-12-04');
    const held = await plan('2026-12-02');
    await repos.sessions.complete(held.id);
    await plan('2026-12-07');
    await plan('2026-10-01');

    const data = await loadTodayData(repos, new Date(start));
    // Today's is still coming up; one from two months ago is beyond the month Today looks back.
    expect(data.plannedNotHeld.map((session) => session.id)).toEqual([friday.id, lastWeek.id]);

    await repos.trash.deleteSession(friday.id);
    expect((await loadTodayData(repos, new Date(start))).plannedNotHeld.map((session) => session.id)).toEqual([
      lastWeek.id,
    ]);
  });

  it('prepares a planned session: last Will, open and overdue actions, reviews due, targets, last pulses', async () => {
    const start = new Date(2026, 11, 7, 9, 0).getTime();
    const { repos } = openDatabase(Object.assign(() => start, { advance: () => undefined }));
    const amara = await repos.participants.create({
      name: 'Amara',
      primaryTarget: 'Run weekly commitment reviews',
      secondaryTarget: 'Delegate triage decisions',
    });
    const held = async (date: string, score: number | null) => {
      const session = await repos.sessions.create({ participantId: amara.id, date, startTime: '10:00' });
      if (score !== null) await repos.sessions.setPulseScore(session.id, 'clarity', score);
      await repos.sessions.update(session.id, { will: `Will of ${date}` });
      return repos.sessions.complete(session.id);
    };
    await held('2026-11-02', 3);
    await held('2026-11-09', 4);
    await held('2026-11-16', null);
    await held('2026-11-23', 5);
    await repos.actions.add({ participantId: amara.id, text: 'Overdue', dueDate: '2026-12-01' });
    await repos.actions.add({ participantId: amara.id, text: 'Later', dueDate: '2026-12-20' });
    const contract = await repos.contracts.create({ participantId: amara.id, title: 'Triage contract' });
    await repos.contracts.update(contract.id, { status: 'active', nextReviewDate: '2026-12-09' });
    const planned = await repos.sessions.plan({
      participantId: amara.id,
      date: '2026-12-08',
      startTime: '10:30',
      type: 'one-to-one',
    });

    const card = await loadPrepCard(repos, planned, '2026-12-07');
    expect(card.lastHeld?.will).toBe('Will of 2026-11-23');
    expect([card.openActions, card.overdueActions]).toEqual([2, 1]);
    expect(card.contractsDue.map((due) => due.title)).toEqual(['Triage contract']);
    expect(card.lastPulses).toEqual([
      { date: '2026-11-23', score: 5 },
      { date: '2026-11-16', score: null },
      { date: '2026-11-09', score: 4 },
    ]);
  });
});
