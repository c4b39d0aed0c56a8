// Planned sessions from a calendar file: added once, and found again on every later import of the
// same file, whether they were imported before, exported from here, or moved to the trash since.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCalendar, type CalendarReading } from '../../../renderer/calendar/ics-import';
import { calendarFile } from '../../../renderer/calendar/ics-export';
import { databasePerTest } from './test-database';

const open = databasePerTest();

async function setUp() {
  const opened = open();
  const people = await Promise.all(
    ['Amara Okafor', 'Bea Lindqvist', 'Chidi Eze', 'Dana Müller'].map((name) =>
      opened.repos.participants.create({ name }),
    ),
  );
  const read = (bytes: Uint8Array): CalendarReading => {
    const result = readCalendar(bytes, { participants: people, today: '2027-01-04', timeZone: 'Europe/London' });
    if (!result.ok) throw new Error('not read');
    return result.value;
  };
  return { ...opened, people, read };
}

const outlook = () => new Uint8Array(readFileSync('test/fixtures/calendar/outlook-20-events.ics'));

describe('planning sessions from a calendar file', () => {
  it('adds each proposed session once as a one-to-one planned session, and nothing on a second import', async () => {
    const { repos, read, people } = await setUp();
    const reading = read(outlook());

    const first = await repos.sessions.planFromCalendar(reading.proposals);
    expect([first.added.length, first.alreadyHere, first.inTrash]).toEqual([21, 0, 0]);
    const [amara] = people;
    const planned = await repos.sessions.plannedOf(amara.id, '2027-01-04');
    expect(planned.map((session) => [session.date, session.startTime, session.durationMinutes])).toEqual([
      ['2027-01-04', '09:00', 60],
      ['2027-01-11', '09:00', 60],
      ['2027-01-26', '13:00', 60],
      ['2027-02-01', '09:00', 60],
      ['2027-02-08', '09:00', 60],
      ['2027-02-15', '09:00', 60],
      ['2027-02-22', '09:00', 60],
      ['2027-02-24', '10:00', 90],
      ['2027-03-01', '09:00', 60],
      ['2027-03-30', '08:00', 90],
    ]);
    expect(new Set(planned.map((session) => [session.status, session.type].join()))).toEqual(
      new Set(['planned,one-to-one']),
    );

    const again = await repos.sessions.planFromCalendar(read(outlook()).proposals);
    expect([again.added.length, again.alreadyHere, again.inTrash]).toEqual([0, 21, 0]);
    expect((await repos.sessions.between('2027-01-01', '2027-12-31', 'oldest first')).length).toBe(21);
  });

  it('adds each session once when two imports of the same file run at the same time', async () => {
    const { repos, read } = await setUp();
    const results = await Promise.all([
      repos.sessions.planFromCalendar(read(outlook()).proposals),
      repos.sessions.planFromCalendar(read(outlook()).proposals),
    ]);
    expect(results.map((result) => result.added.length).sort()).toEqual([0, 21]);
    expect((await repos.sessions.between('2027-01-01', '2027-12-31', 'oldest first')).length).toBe(21);
  });

  it('does not bring back a session the coach moved to the trash', async () => {
    const { repos, read } = await setUp();
    const { added } = await repos.sessions.planFromCalendar(read(outlook()).proposals);
    await repos.trash.deleteSession(added[0].id);

    const again = await repos.sessions.planFromCalendar(read(outlook()).proposals);
    expect([again.added.length, again.alreadyHere, again.inTrash]).toEqual([0, 20, 1]);
  });

  it('finds the sessions of a Followthrough export as the sessions they were exported from', async () => {
    const { repos, read, people } = await setUp();
    const [amara] = people;
    const session = await repos.sessions.plan({
      participantId: amara.id,
      date: '2027-01-06',
      startTime: '10:30',
      type: 'peer-circle',
    });
    const ics = calendarFile({
      sessions: [session],
      actions: [],
      participantName: () => amara.name,
      sessionTypeLabel: () => 'Peer circle',
      now: new Date(),
    });
    const reading = read(new TextEncoder().encode(ics));
    expect(reading.proposals).toHaveLength(1);

    const known = await repos.sessions.fromCalendarEvents(reading.proposals);
    expect([...known.values()].map((found) => found.id)).toEqual([session.id]);
    const result = await repos.sessions.planFromCalendar(reading.proposals);
    expect([result.added.length, result.alreadyHere]).toEqual([0, 1]);
  });
});
