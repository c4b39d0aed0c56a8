// Properties of the calendar import over generated input: every repeat rule ends (ical.js alone
// loops forever on some), no proposal falls outside the window, the same bytes always give the
// same identities, and Followthrough's own export reads back as the sessions it was made from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCalendar, type ReadOptions } from '../../../renderer/calendar/ics-import';
import { calendarFile } from '../../../renderer/calendar/ics-export';
import { calendarDate, dayNumber } from '../../../shared/metrics/calendar-days';

const today = '2027-01-04';
const options: ReadOptions = {
  participants: [{ id: 'amara', name: 'Amara Okafor' }],
  today,
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
};
const pad = (value: number) => String(value).padStart(2, '0');

const rrule = fc
  .record({
    freq: fc.constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    byMonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    byMonthDay: fc.option(
      fc.uniqueArray(
        fc.integer({ min: -31, max: 31 }).filter((day) => day !== 0),
        { minLength: 1, maxLength: 3 },
      ),
      { nil: undefined },
    ),
    byDay: fc.option(
      fc.uniqueArray(fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', '1MO', '-1FR', '2TU'), {
        minLength: 1,
        maxLength: 3,
      }),
      { nil: undefined },
    ),
    end: fc.option(fc.oneof(fc.constant('COUNT=5'), fc.constant('UNTIL=20270301T000000Z')), { nil: undefined }),
  })
  .map(({ freq, interval, byMonth, byMonthDay, byDay, end }) =>
    [
      `FREQ=${freq}`,
      interval && `INTERVAL=${interval}`,
      byMonth && `BYMONTH=${byMonth.join(',')}`,
      byMonthDay && `BYMONTHDAY=${byMonthDay.join(',')}`,
      byDay && `BYDAY=${byDay.join(',')}`,
      end,
    ]
      .filter(Boolean)
      .join(';'),
  );

const start = fc
  .record({
    year: fc.integer({ min: 2016, max: 2027 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
  })
  .map(({ year, month, day, hour }) => `${year}${pad(month)}${pad(day)}T${pad(hour)}0000Z`);

const calendarOf = (rule: string, dtstart: string) =>
  new TextEncoder().encode(
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:series@example.com',
      `DTSTART:${dtstart}`,
      'DURATION:PT45M',
      `RRULE:${rule}`,
      'SUMMARY:Amara Okafor',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );

describe('the calendar import, on generated calendars', () => {
  it('ends on every repeat rule, proposes only sessions in the window, and gives the same identities twice', () => {
    const last = calendarDate(dayNumber(today) + 90);
    fc.assert(
      fc.property(rrule, start, (rule, dtstart) => {
        const bytes = calendarOf(rule, dtstart);
        const first = readCalendar(bytes, options);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        for (const proposal of first.value.proposals) {
          expect(proposal.date >= today && proposal.date <= last, `${rule}: ${proposal.date}`).toBe(true);
        }
        const ids = first.value.proposals.map((proposal) => proposal.calendarEventId);
        expect(new Set(ids).size).toBe(ids.length);
        const again = readCalendar(bytes, options);
        expect(again.ok && again.value.proposals.map((proposal) => proposal.calendarEventId)).toEqual(ids);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a Followthrough export back as the sessions it was made from', () => {
    const session = fc.record({
      id: fc.uuid({ version: 4 }),
      day: fc.integer({ min: 0, max: 90 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      durationMinutes: fc.integer({ min: 1, max: 600 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(session, { selector: (s) => s.id, minLength: 1, maxLength: 8 }), (drafts) => {
        const sessions = drafts.map(({ id, day, minute, durationMinutes }) => ({
          id,
          participantId: 'amara',
          date: calendarDate(dayNumber(today) + day),
          startTime: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
          durationMinutes,
          type: 'one-to-one' as const,
        }));
        const ics = calendarFile({
          sessions,
          actions: [],
          participantName: () => 'Amara Okafor',
          sessionTypeLabel: () => '1:1',
          now: new Date(),
        });
        const read = readCalendar(new TextEncoder().encode(ics), options);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const back = read.value.proposals.map((proposal) => [
          proposal.exportedSessionId,
          proposal.date,
          proposal.startTime,
          proposal.durationMinutes,
        ]);
        const made = sessions.map((item) => [item.id, item.date, item.startTime, item.durationMinutes]);
        const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
        expect(back.sort(byId)).toEqual(made.sort(byId));
      }),
      { numRuns: 60 },
    );
  });
});
