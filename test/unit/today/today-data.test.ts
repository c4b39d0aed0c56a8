import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { loadTodayData } from '../../../renderer/features/today/today-data';

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
});
