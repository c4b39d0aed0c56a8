// The exported calendar read back with ical.js: one event per planned session and per due action,
// at the right times, with UIDs that stay the same from one export to the next.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { actionUid, calendarFile, sessionUid, type CalendarInput } from '../../../renderer/calendar/ics-export';

const input = (now: Date): CalendarInput => ({
  sessions: [
    {
      id: 's1',
      participantId: 'amara',
      date: '2026-12-08',
      startTime: '10:30',
      durationMinutes: 0,
      type: 'one-to-one',
    },
    {
      id: 's2',
      participantId: 'bea',
      date: '2026-12-14',
      startTime: '09:00',
      durationMinutes: 90,
      type: 'peer-circle',
    },
  ],
  actions: [
    { id: 'a1', participantId: 'amara', text: 'Publish the triage RACI', owner: 'Dana', dueDate: '2026-12-11' },
    { id: 'a2', participantId: 'amara', text: 'No date yet', owner: '', dueDate: null },
  ],
  participantName: (id) => ({ amara: 'Amara Okafor', bea: 'Bea Lindqvist' })[id] ?? id,
  sessionTypeLabel: (type) => (type === 'one-to-one' ? '1:1' : 'Peer circle'),
  now,
});

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
    };
  });
}

describe('the calendar export', () => {
  it('holds each planned session at its local time and each dated action as an all-day event', () => {
    const ics = calendarFile(input(new Date(Date.UTC(2026, 11, 7, 12))));
    expect(ics.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
    const read = events(ics);
    expect(read.map((event) => [event.uid, event.summary])).toEqual([
      [sessionUid('s1'), 'Coaching: Amara Okafor (1:1)'],
      [sessionUid('s2'), 'Coaching: Bea Lindqvist (Peer circle)'],
      [actionUid('a1'), 'Due: Publish the triage RACI (Dana)'],
    ]);
    expect(read[0].start.toJSDate().getTime()).toBe(new Date('2026-12-08T10:30:00').getTime());
    expect(read[0].end.toJSDate().getTime() - read[0].start.toJSDate().getTime()).toBe(60 * 60_000);
    expect(read[1].end.toJSDate().getTime() - read[1].start.toJSDate().getTime()).toBe(90 * 60_000);
    expect([read[2].start.isDate, read[2].start.toString(), read[2].end.toString()]).toEqual([
      true,
      '2026-12-11',
      '2026-12-12',
    ]);
  });

  it('gives the same events the same UIDs and times in a later export, so a calendar updates them', () => {
    const first = events(calendarFile(input(new Date(Date.UTC(2026, 11, 7, 12)))));
    const again = events(calendarFile(input(new Date(Date.UTC(2026, 11, 9, 8)))));
    const key = (list: typeof first) => list.map((event) => [event.uid, event.start.toString(), event.end.toString()]);
    expect(key(again)).toEqual(key(first));
  });
});
