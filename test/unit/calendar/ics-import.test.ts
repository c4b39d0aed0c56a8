// Calendar files exported from Outlook and Google read into the planned sessions they propose:
// times put on the coach's wall clock through the file's own time zones, repeating events expanded
// within the window, and every event left out named with its reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_WINDOW_DAYS, MAX_CALENDAR_BYTES } from '../../../renderer/calendar/import-limits';
import { readCalendar, type CalendarReading, type ReadOptions } from '../../../renderer/calendar/ics-import';
import { calendarFile, sessionUid } from '../../../renderer/calendar/ics-export';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/calendar/${name}`));
const text = (ics: string) => new TextEncoder().encode(ics);

const participants = [
  { id: 'amara', name: 'Amara Okafor' },
  { id: 'bea', name: 'Bea Lindqvist' },
  { id: 'chidi', name: 'Chidi Eze' },
  { id: 'dana', name: 'Dana Müller' },
];
const londonCoach: ReadOptions = { participants, today: '2027-01-04', timeZone: 'Europe/London' };

function read(bytes: Uint8Array, options: ReadOptions = londonCoach): CalendarReading {
  const result = readCalendar(bytes, options);
  if (!result.ok) throw new Error(`not read: ${JSON.stringify(result.problem)}`);
  return result.value;
}

const sessionsOf = (reading: CalendarReading) =>
  reading.proposals.map((proposal) => [
    proposal.date,
    proposal.startTime,
    proposal.participantId,
    proposal.durationMinutes,
    proposal.title,
  ]);

const skippedOf = (reading: CalendarReading) =>
  reading.skipped.map(({ title, date, startTime, reason, detail, occurrences }) => [
    title,
    date,
    startTime,
    reason,
    detail,
    occurrences,
  ]);

/** A calendar of one event around the given lines. */
const oneEvent = (...lines: string[]) =>
  text(
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VEVENT',
      'UID:one@example.com',
      'DTSTAMP:20261220T120000Z',
      ...lines,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );

describe('reading an Outlook calendar of 20 events', () => {
  const reading = read(fixture('outlook-20-events.ics'));
  const amaraSeries =
    '040000008200E00074C5B7101A82E008000000007001B2D3E4F5DA01000000000000000010000000C3A1F0019B2E4D47A8A5B1F2E3D4C5B6';

  it('proposes each session at its London time, through the W. Europe and Eastern time zones of the file', () => {
    expect(reading.window).toEqual({ from: '2027-01-04', to: '2027-04-04' });
    expect(sessionsOf(reading)).toEqual([
      ['2027-01-04', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-01-07', '14:00', 'bea', 50, 'Leadership 1:1'],
      ['2027-01-11', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-01-12', '14:00', 'dana', 45, 'Coaching Dana Muller'],
      ['2027-01-21', '14:00', 'bea', 50, 'Leadership 1:1'],
      // The occurrence of Monday 25 January, moved to Tuesday 14:00 Berlin time; 18 January is an EXDATE.
      ['2027-01-26', '13:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-02-01', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-02-02', '21:30', 'chidi', 30, 'Quarterly check-in'],
      ['2027-02-04', '14:00', 'bea', 50, 'Leadership 1:1'],
      ['2027-02-08', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-02-15', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-02-18', '14:00', 'bea', 50, 'Leadership 1:1'],
      ['2027-02-22', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-02-24', '10:00', 'amara', 90, 'Strategy review'],
      // UNTIL is 1 March 09:00 UTC, the start of this last occurrence.
      ['2027-03-01', '09:00', 'amara', 60, 'Coaching – Amara Okafor'],
      ['2027-03-03', '10:00', 'chidi', 60, 'Coaching Chidi Eze'],
      ['2027-03-04', '14:00', 'bea', 50, 'Leadership 1:1'],
      // A time with no zone is on the coach's own clock.
      ['2027-03-15', '08:30', 'dana', 30, 'Dana Müller follow-up'],
      // New York moved to summer time on 14 March, London not until 28 March.
      ['2027-03-18', '13:00', 'bea', 50, 'Leadership 1:1'],
      // Both in summer time: 09:00 in Berlin is 08:00 in London.
      ['2027-03-30', '08:00', 'amara', 90, 'Amara Okafor deep dive'],
      ['2027-04-01', '14:00', 'bea', 50, 'Leadership 1:1'],
    ]);
  });

  it('gives each occurrence of a series its own identity: the UID and its original start in UTC', () => {
    const ids = reading.proposals.filter((proposal) => proposal.calendarEventId.startsWith(amaraSeries));
    expect(ids.map((proposal) => proposal.calendarEventId.slice(amaraSeries.length))).toEqual([
      '/20270104T090000Z',
      '/20270111T090000Z',
      '/20270125T090000Z',
      '/20270201T090000Z',
      '/20270208T090000Z',
      '/20270215T090000Z',
      '/20270222T090000Z',
      '/20270301T090000Z',
    ]);
    expect(new Set(reading.proposals.map((proposal) => proposal.calendarEventId)).size).toBe(21);
    expect(reading.proposals.every((proposal) => proposal.exportedSessionId === null)).toBe(true);
  });

  it('names every event left out in the window and why, a series once with its count', () => {
    expect(skippedOf(reading)).toEqual([
      ['', '2027-01-20', '10:00', 'no-title', '', 1],
      ['Team offsite planning', '2027-01-14', '12:00', 'not-matched', '', 1],
      ['Amara Okafor – annual leave', '2027-02-08', null, 'all-day', '', 1],
      ['Canceled: Coaching – Chidi Eze', '2027-01-19', '09:00', 'cancelled', '', 1],
      [
        'Peer circle: Amara Okafor & Bea Lindqvist',
        '2027-02-10',
        '14:00',
        'several-participants',
        'Amara Okafor, Bea Lindqvist',
        1,
      ],
      ['Coaching Bea Lindqvist', null, null, 'unknown-time-zone', 'Customized Time Zone', 1],
      ['Dentist', '2027-02-15', '07:00', 'not-matched', '', 1],
      // Monday, Wednesday and Friday for 13 weeks.
      ['Weekly team meeting', '2027-01-04', '07:30', 'not-matched', '', 39],
      ['Leadership offsite with Chidi Eze', '2027-02-16', '08:00', 'too-long', '', 1],
    ]);
    expect(reading.outsideWindow).toBe(2);
  });

  it('says which series have no end, expanded only to the end of the window', () => {
    expect(reading.openEnded).toEqual([{ title: 'Leadership 1:1', until: '2027-04-04' }]);
    expect(IMPORT_WINDOW_DAYS).toBe(90);
  });

  it('reads the same proposals again from the same file', () => {
    expect(read(fixture('outlook-20-events.ics')).proposals).toEqual(reading.proposals);
  });
});

describe('reading a Google calendar', () => {
  const reading = read(fixture('google-europe-london.ics'), { ...londonCoach, timeZone: 'America/New_York' });

  it('puts London, Paris and UTC times on a New York coach’s clock, and leaves out a cancelled occurrence', () => {
    expect(sessionsOf(reading)).toEqual([
      ['2027-01-05', '09:30', 'amara', 45, '1:1 Amara Okafor'],
      ['2027-01-19', '09:30', 'amara', 45, '1:1 Amara Okafor'],
      // Europe/Paris has no VTIMEZONE in the file: the zone's own rules convert it.
      ['2027-01-20', '12:00', 'dana', 60, 'Dana Müller – goals for the quarter'],
      ['2027-01-26', '09:30', 'amara', 45, '1:1 Amara Okafor'],
      ['2027-02-10', '10:00', 'bea', 60, 'Coaching: Bea Lindqvist'],
      // Google names an attendee by their address: chidi.eze@… is Chidi Eze.
      ['2027-03-16', '11:00', 'chidi', 30, 'Check-in'],
    ]);
    expect(skippedOf(reading)).toEqual([['1:1 Amara Okafor', '2027-01-12', '09:30', 'cancelled', '', 1]]);
    expect(reading.openEnded).toEqual([]);
  });
});

describe('reading a calendar Followthrough exported', () => {
  it('maps each session back to the session it was exported from', () => {
    const id = '2b0f8a5e-6c1d-4e7f-9a3b-5c6d7e8f9a0b';
    const ics = calendarFile({
      sessions: [
        { id, participantId: 'amara', date: '2027-01-06', startTime: '10:30', durationMinutes: 45, type: 'one-to-one' },
      ],
      actions: [
        {
          id: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
          participantId: 'amara',
          text: 'Publish the RACI',
          owner: 'Amara',
          dueDate: '2027-01-08',
        },
      ],
      participantName: () => 'Amara Okafor',
      sessionTypeLabel: () => '1:1',
      now: new Date(Date.UTC(2027, 0, 4, 12)),
    });
    const reading = read(text(ics), { ...londonCoach, timeZone: 'UTC' });
    expect(reading.proposals).toEqual([
      {
        calendarEventId: sessionUid(id),
        exportedSessionId: id,
        participantId: 'amara',
        title: 'Coaching: Amara Okafor (1:1)',
        date: '2027-01-06',
        startTime: expect.any(String),
        durationMinutes: 45,
      },
    ]);
    expect(reading.skipped.map((line) => line.reason)).toEqual(['followthrough-action']);
  });
});

describe('bad calendar files', () => {
  it('refuses a file over 5 MB before reading it', () => {
    const big = new Uint8Array(MAX_CALENDAR_BYTES + 1);
    expect(readCalendar(big, londonCoach)).toEqual({
      ok: false,
      problem: { reason: 'too-large', bytes: MAX_CALENDAR_BYTES + 1 },
    });
  });

  it.each([
    ['a text file', 'Meeting with Amara on Monday at 10'],
    ['an empty file', ''],
    ['a contact card', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Amara Okafor\r\nEND:VCARD\r\n'],
    ['a calendar cut short', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2027'],
    ['a calendar with a line that is not a property', 'BEGIN:VCALENDAR\r\nthis is not a property\r\nEND:VCALENDAR\r\n'],
  ])('says %s is not a calendar it can read', (_, content) => {
    const result = readCalendar(text(content), londonCoach);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.reason).toBe('not-a-calendar');
  });

  it('says a calendar with no event has nothing to import', () => {
    const result = readCalendar(text('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'), londonCoach);
    expect(result).toEqual({ ok: false, problem: { reason: 'no-events' } });
  });

  it('expands a daily series with no end only within the window and says so', () => {
    const reading = read(
      oneEvent(
        'SUMMARY:Amara Okafor daily stand-up',
        'DTSTART:20200101T080000Z',
        'DTEND:20200101T081500Z',
        'RRULE:FREQ=DAILY',
      ),
    );
    expect(reading.proposals).toHaveLength(IMPORT_WINDOW_DAYS + 1);
    expect(reading.proposals.at(-1)?.date).toBe('2027-04-04');
    expect(reading.openEnded).toEqual([{ title: 'Amara Okafor daily stand-up', until: '2027-04-04' }]);
  });

  it('skips a series whose repeat rule never gives a date, instead of searching forever', () => {
    // Daily, but only on 30 February: ical.js alone would loop without end on this rule.
    const reading = read(
      oneEvent('SUMMARY:Amara Okafor', 'DTSTART:20270105T080000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
    );
    expect(skippedOf(reading)).toEqual([['Amara Okafor', null, null, 'unusable-repeat-rule', '', 1]]);
  });

  it('ends on a rule whose next date after the first one is never found (found by the property test)', () => {
    // The first occurrence is after the window; ical.js computes the one after it as it hands the
    // first one over, and that search never ended on this rule.
    const reading = read(
      oneEvent(
        'SUMMARY:Amara Okafor',
        'DTSTART:20271024T180000Z',
        'RRULE:FREQ=MINUTELY;INTERVAL=4;BYMONTH=6,1;BYMONTHDAY=-20;BYDAY=MO,-1FR,SU;COUNT=5',
      ),
    );
    expect([reading.proposals, reading.skipped, reading.outsideWindow]).toEqual([[], [], 1]);
  });

  it('skips a series that repeats too often to be a session, within a bounded number of steps', () => {
    const reading = read(oneEvent('SUMMARY:Amara Okafor', 'DTSTART:19900101T080000Z', 'RRULE:FREQ=MINUTELY'));
    expect(reading.skipped.map((line) => line.reason)).toEqual(['unusable-repeat-rule']);
    expect(reading.proposals).toEqual([]);
  });

  it('skips an event whose time zone is neither in the file nor a known zone name', () => {
    const reading = read(
      oneEvent(
        'SUMMARY:Amara Okafor',
        'DTSTART;TZID=Mars Standard Time:20270105T080000',
        'DTEND;TZID=Mars Standard Time:20270105T090000',
      ),
    );
    expect(skippedOf(reading)).toEqual([['Amara Okafor', null, null, 'unknown-time-zone', 'Mars Standard Time', 1]]);
  });

  it('skips an event that ends in an unknown time zone', () => {
    const reading = read(
      oneEvent('SUMMARY:Amara Okafor', 'DTSTART:20270105T080000Z', 'DTEND;TZID=Nowhere:20270105T090000'),
    );
    expect(reading.skipped.map((line) => [line.reason, line.detail])).toEqual([['unknown-time-zone', 'Nowhere']]);
  });

  it('skips an event with no title, or a title of spaces, even when its attendee is a participant', () => {
    for (const summary of [[], ['SUMMARY:   ']]) {
      const reading = read(
        oneEvent(...summary, 'DTSTART:20270105T080000Z', 'ATTENDEE;CN=Amara Okafor:mailto:amara@example.com'),
      );
      expect(reading.skipped.map((line) => line.reason)).toEqual(['no-title']);
    }
  });

  it('gives an event with no UID an identity from its title and start, the same on every read', () => {
    const ics = text(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        `SUMMARY:Amara Okafor ${'and a very long agenda '.repeat(200)}`,
        'DTSTART:20270105T080000Z',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const [first] = read(ics).proposals;
    expect(first.calendarEventId).toMatch(/^no-uid:Amara Okafor and a very long agenda .*\|DTSTART:20270105T080000Z$/);
    expect(first.calendarEventId.length).toBeLessThan(300);
    expect(read(ics).proposals[0].calendarEventId).toBe(first.calendarEventId);
  });

  it('lists an event that names no participant as not matched', () => {
    const reading = read(oneEvent('SUMMARY:Budget review', 'DTSTART:20270105T080000Z'));
    expect(skippedOf(reading)).toEqual([['Budget review', '2027-01-05', '08:00', 'not-matched', '', 1]]);
  });

  it('names an event it cannot read and reads the others', () => {
    const ics = new TextDecoder()
      .decode(fixture('google-europe-london.ics'))
      .replace('DTSTART:20270210T150000Z', 'DTSTART:2027-02-10 at three');
    const reading = read(text(ics), { ...londonCoach, timeZone: 'America/New_York' });
    expect(reading.skipped.map((line) => [line.title, line.reason])).toContainEqual([
      'Coaching: Bea Lindqvist',
      'unreadable',
    ]);
    expect(reading.proposals).toHaveLength(5);
  });
});
