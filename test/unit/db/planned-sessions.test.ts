// Planned sessions: booked ahead, listed soonest first, and moved to a new cadence on request.
import { describe, expect, it } from 'vitest';
import { databasePerTest } from './test-database';

const open = databasePerTest();

describe('planned sessions', () => {
  it('moves the planned sessions to a new cadence from the last session held, keeping their times', async () => {
    const { repos } = open();
    const amara = await repos.participants.create({ name: 'Amara', cadence: 'weekly' });
    const held = await repos.sessions.create({ participantId: amara.id, date: '2026-12-01', startTime: '09:00' });
    await repos.sessions.complete(held.id);
    const plan = (date: string, startTime: string) =>
      repos.sessions.plan({ participantId: amara.id, date: date as never, startTime, type: 'one-to-one' });
    const missed = await plan('2026-12-03', '08:00');
    await plan('2026-12-15', '14:00');
    await plan('2026-12-08', '10:30');

    const soonest = (await repos.sessions.plannedOf(amara.id, '2026-12-07')).map((s) => [s.date, s.startTime]);
    expect(soonest).toEqual([
      ['2026-12-08', '10:30'],
      ['2026-12-15', '14:00'],
    ]);

    await repos.sessions.replanAtCadence(amara.id, 'every-two-weeks', '2026-12-07');
    const moved = (await repos.sessions.plannedOf(amara.id, '2026-12-07')).map((s) => [s.date, s.startTime]);
    expect(moved).toEqual([
      ['2026-12-15', '10:30'],
      ['2026-12-29', '14:00'],
    ]);
    // One planned before today (never held) is left where it was.
    expect((await repos.sessions.get(missed.id))?.date).toBe('2026-12-03');
  });
});
