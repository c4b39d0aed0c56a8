// An iCalendar file (RFC 5545) exported from Outlook, Google or Apple Calendar, read with ical.js
// into the planned sessions it proposes: bytes in, proposals and the reasons for every event left
// out. Nothing here writes; the coach sees the proposals and confirms first.
//
// Times: an event's TZID is resolved from the VTIMEZONE blocks in the file (ical.js looks them up
// in the file's own component tree, so one file's zones never leak into the next file's import);
// a TZID with no block that names an IANA zone ("Europe/Paris") is converted with that zone's
// rules; any other TZID is unknown and the event is skipped, never guessed. A time with no zone
// at all is on the coach's wall clock. Every start is then put on the coach's wall clock.
//
// Repeating events are expanded with ical.js's own iterator (RRULE, RDATE, EXDATE and
// RECURRENCE-ID overrides), only from today to IMPORT_WINDOW_DAYS ahead.
import ICAL from 'ical.js';
import type { CalendarDate, Participant } from '../../shared/model';
import { MAX_SESSION_MINUTES } from '../../shared/model';
import { calendarDate, dayNumber, MS_PER_DAY } from '../../shared/metrics/calendar-days';
import { zonedClock, type ZonedClock } from '../../shared/metrics/zoned-clock';
import { errorMessage } from '../../shared/result';
import { IMPORT_WINDOW_DAYS, MAX_CALENDAR_BYTES } from './import-limits';
import { matchParticipants, type Attendee } from './participant-match';

/**
 * Steps of ical.js's rule iterators allowed for one repeating event, and for all of a file's. A
 * rule no date can satisfy (daily, in February, on the 30th) makes ical.js search forever. A
 * yearly or monthly step costs ical.js far more than a daily one, so it counts for more: a weekly
 * series begun ten years ago takes 520, a daily one 3,650, a monthly one 1,200, a yearly one 200.
 */
export const MAX_RULE_STEPS_PER_SERIES = 20_000;
export const MAX_RULE_STEPS_PER_FILE = 200_000;
const STEP_WEIGHT: Partial<Record<string, number>> = { YEARLY: 20, MONTHLY: 10 };

export type CalendarParticipant = Pick<Participant, 'id' | 'name'>;

/** One planned session the file proposes. */
export type ProposedSession = {
  /** The event's stable identity: its UID, and for one occurrence of a series `UID/original start in UTC`. */
  calendarEventId: string;
  /** The session a Followthrough export made this event from (UID `session-<id>@followthrough`), or null. */
  exportedSessionId: string | null;
  participantId: string;
  title: string;
  date: CalendarDate;
  startTime: string;
  durationMinutes: number;
};

export const skipReasons = [
  'not-matched',
  'several-participants',
  'no-title',
  'unknown-time-zone',
  'all-day',
  'cancelled',
  'too-long',
  'unusable-repeat-rule',
  'followthrough-action',
  'unreadable',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** An event (every occurrence of a series counted together) left out, and why. */
export type SkippedEvent = {
  title: string;
  /** The first occurrence left out, on the coach's wall clock; null when it could not be placed. */
  date: CalendarDate | null;
  startTime: string | null;
  reason: SkipReason;
  /** What the reason is about: the unknown TZID, the participants named, the parser's words. */
  detail: string;
  occurrences: number;
};

/** A series with no end date: only its occurrences up to the window's last day are proposed. */
export type OpenEndedSeries = { title: string; until: CalendarDate };

export type CalendarReading = {
  window: { from: CalendarDate; to: CalendarDate };
  proposals: ProposedSession[];
  skipped: SkippedEvent[];
  openEnded: OpenEndedSeries[];
  /** Events with no occurrence from today to the window's end (in the past, or later). */
  outsideWindow: number;
};

export type CalendarProblem =
  { reason: 'too-large'; bytes: number } | { reason: 'not-a-calendar'; detail: string } | { reason: 'no-events' };

export type CalendarReadResult = { ok: true; value: CalendarReading } | { ok: false; problem: CalendarProblem };

export type ReadOptions = {
  participants: readonly CalendarParticipant[];
  /** The coach's today and IANA time zone: the window starts today and times land in this zone. */
  today: CalendarDate;
  timeZone: string;
};

const FOLLOWTHROUGH_SESSION_UID = /^session-([0-9a-f-]{36})@followthrough$/i;
const FOLLOWTHROUGH_ACTION_UID = /^action-[0-9a-f-]{36}@followthrough$/i;

/** How a time's zone is known: by ical.js (UTC or a VTIMEZONE in the file), as a wall clock in an IANA zone, or not at all. */
type Zone = { kind: 'ical' } | { kind: 'wall'; clock: ZonedClock } | { kind: 'unknown'; tzid: string };

class UnknownTimeZone extends Error {
  constructor(readonly tzid: string) {
    super(`Unknown time zone ${tzid}`);
  }
}

class UnusableRepeatRule extends Error {}

function isIanaZone(tzid: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
}

function zoneOf(property: ICAL.Property | null, coach: ZonedClock): Zone {
  if (!property) return { kind: 'wall', clock: coach };
  const time = property.getFirstValue() as ICAL.Time;
  if (time.zone !== ICAL.Timezone.localTimezone) return { kind: 'ical' };
  const tzid = property.getParameter('tzid');
  if (typeof tzid !== 'string' || tzid === '') return { kind: 'wall', clock: coach };
  return isIanaZone(tzid) ? { kind: 'wall', clock: zonedClock(tzid) } : { kind: 'unknown', tzid };
}

function instantOf(time: ICAL.Time, zone: Zone): number {
  if (zone.kind === 'ical') return time.toUnixTime() * 1000;
  if (zone.kind === 'unknown') throw new UnknownTimeZone(zone.tzid);
  const date = `${time.year}-${pad(time.month)}-${pad(time.day)}`;
  return zone.clock.instantOf(dayNumber(date), time.hour * 60 + time.minute) + time.second * 1000;
}

const pad = (value: number) => String(value).padStart(2, '0');

function wallClock(instant: number, coach: ZonedClock): { date: CalendarDate; startTime: string } {
  const day = coach.dayOf(instant);
  const minuteOfDay = Math.floor((instant + coach.offsetAt(instant) * 60_000 - day * MS_PER_DAY) / 60_000);
  return { date: calendarDate(day), startTime: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}` };
}

const utcStamp = (instant: number) => new Date(instant).toISOString().replace(/[-:]|\.\d{3}/g, '');

function attendeesOf(component: ICAL.Component): Attendee[] {
  return component.getAllProperties('attendee').map((property) => {
    const name = property.getParameter('cn');
    return { name: typeof name === 'string' ? name : '', address: String(property.getFirstValue() ?? '') };
  });
}

/** The file's events by what they are: masters (series or single events) and the overrides of each series. */
function eventsOf(calendars: ICAL.Component[]) {
  const components = calendars.flatMap((calendar) => calendar.getAllSubcomponents('vevent'));
  const overrides = new Map<string, ICAL.Component[]>();
  const masters: ICAL.Component[] = [];
  for (const component of components) {
    if (!component.hasProperty('recurrence-id')) masters.push(component);
  }
  const seriesUids = new Set(
    masters.filter((component) => component.hasProperty('rrule') || component.hasProperty('rdate')).map(uidOf),
  );
  for (const component of components) {
    if (!component.hasProperty('recurrence-id')) continue;
    const uid = uidOf(component);
    // An override whose series is not in the file stands on its own.
    if (!seriesUids.has(uid)) masters.push(component);
    else overrides.set(uid, [...(overrides.get(uid) ?? []), component]);
  }
  return { masters, overrides };
}

function uidOf(component: ICAL.Component): string {
  const uid = component.getFirstPropertyValue('uid');
  if (typeof uid === 'string' && uid.trim()) return uid.trim();
  // RFC 5545 requires a UID; without one, the title and start stand in, stable from one export to the next.
  const start = component.getFirstProperty('dtstart')?.toICALString() ?? '';
  const title = String(component.getFirstPropertyValue('summary') ?? '').slice(0, 200);
  return `no-uid:${title}|${start}`;
}

type Occurrence = {
  /** The event that holds this occurrence's details: the series, or the override of this occurrence. */
  item: ICAL.Event;
  start: ICAL.Time;
  end: ICAL.Time;
  startZone: Zone;
  /** The original start of a series' occurrence; null for an event that does not repeat. */
  recurrenceInstant: number | null;
};

type Window = { fromDay: number; toDay: number; fromInstant: number; endInstant: number };

function occurrenceOf(item: ICAL.Event, coach: ZonedClock, recurrenceInstant: number | null): Occurrence {
  return {
    item,
    start: item.startDate,
    end: item.endDate,
    startZone: zoneOf(item.component.getFirstProperty('dtstart'), coach),
    recurrenceInstant,
  };
}

function inWindow(occurrence: Occurrence, window: Window): boolean {
  if (occurrence.start.isDate) {
    const day = dayNumber(occurrence.start.toString());
    return day >= window.fromDay && day <= window.toDay;
  }
  const instant = instantOf(occurrence.start, occurrence.startZone);
  return instant >= window.fromInstant && instant < window.endInstant;
}

/** The steps left for the series being expanded and for the whole file. */
type StepBudget = { series: number; file: number };

/** Makes each step of a rule iterator count against the budget, and stop the series when it runs out. */
function limitSteps(iterator: ICAL.RecurIterator, budget: StepBudget): void {
  const check = iterator.check_contracting_rules.bind(iterator);
  const weight = STEP_WEIGHT[iterator.rule.freq] ?? 1;
  iterator.check_contracting_rules = () => {
    budget.series -= weight;
    budget.file -= weight;
    if (budget.series < 0 || budget.file < 0) throw new UnusableRepeatRule();
    return check();
  };
}

/**
 * ical.js's expansion of a series, every step of its rules counted. The expansion takes a first
 * step of each rule as it is made, before its iterators can be reached: that step is taken first
 * on a counted iterator of the same rule and start, which computes exactly the same.
 */
function countedExpansion(event: ICAL.Event, window: Window, budget: StepBudget): ICAL.RecurExpansion {
  // Nothing after the window is wanted: each rule ends there (two days later, so that no zone's
  // offset can move the last wanted occurrence past it), which also bounds ical.js's search for
  // the first year a yearly rule matches (to the year 20000 otherwise).
  const end = ICAL.Time.fromJSDate(new Date(window.endInstant + 2 * MS_PER_DAY), true);
  for (const property of event.component.getAllProperties('rrule')) {
    const rule = property.getFirstValue() as ICAL.Recur;
    if (!rule.until || rule.until.compare(end) > 0) rule.until = end;
  }
  for (const property of event.component.getAllProperties('rrule')) {
    const probe = (property.getFirstValue() as ICAL.Recur).iterator(event.startDate);
    limitSteps(probe, budget);
    probe.next();
  }
  const expansion = event.iterator();
  const { ruleIterators } = expansion as unknown as { ruleIterators?: ICAL.RecurIterator[] };
  if (!Array.isArray(ruleIterators)) throw new Error('this version of ical.js hides its rule iterators');
  for (const iterator of ruleIterators) limitSteps(iterator, budget);
  return expansion;
}

/** An occurrence's start as an instant; an all-day one at the start of its day in UTC (only compared with the window's end). */
const instantOrDay = (time: ICAL.Time, zone: Zone) =>
  time.isDate ? dayNumber(time.toString()) * MS_PER_DAY : instantOf(time, zone);

function occurrencesInWindow(event: ICAL.Event, coach: ZonedClock, window: Window, budget: StepBudget): Occurrence[] {
  if (!event.isRecurring()) {
    const single = occurrenceOf(event, coach, null);
    if (event.isRecurrenceException()) {
      single.recurrenceInstant = instantOf(
        event.recurrenceId,
        zoneOf(event.component.getFirstProperty('recurrence-id'), coach),
      );
    }
    return inWindow(single, window) ? [single] : [];
  }
  const seriesZone = zoneOf(event.component.getFirstProperty('dtstart'), coach);
  if (seriesZone.kind === 'unknown') throw new UnknownTimeZone(seriesZone.tzid);
  const found: Occurrence[] = [];
  budget.series = MAX_RULE_STEPS_PER_SERIES;
  const iterator = countedExpansion(event, window, budget);
  for (let next = iterator.next(); next; next = iterator.next()) {
    const recurrenceInstant = instantOrDay(next, seriesZone);
    if (recurrenceInstant >= window.endInstant) break;
    const details = event.getOccurrenceDetails(next);
    const overridden = details.item !== event;
    const occurrence: Occurrence = {
      item: details.item,
      start: details.startDate,
      end: details.endDate,
      startZone: overridden ? zoneOf(details.item.component.getFirstProperty('dtstart'), coach) : seriesZone,
      recurrenceInstant,
    };
    if (inWindow(occurrence, window)) found.push(occurrence);
  }
  return found;
}

/** Collects skipped occurrences, one line per event and reason. */
function skippedList() {
  const lines = new Map<string, SkippedEvent>();
  return {
    add(eventKey: string, line: Omit<SkippedEvent, 'occurrences'>) {
      const key = `${eventKey}\n${line.reason}`;
      const seen = lines.get(key);
      if (seen) seen.occurrences += 1;
      else lines.set(key, { ...line, occurrences: 1 });
    },
    list: () => [...lines.values()],
  };
}

function parseCalendars(text: string): ICAL.Component[] | CalendarProblem {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) {
    return { reason: 'not-a-calendar', detail: 'it does not begin with BEGIN:VCALENDAR' };
  }
  try {
    const parsed = ICAL.parse(text) as unknown[];
    const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as ConstructorParameters<typeof ICAL.Component>[0][];
    const calendars = list.map((jcal) => new ICAL.Component(jcal));
    if (calendars.some((calendar) => calendar.name !== 'vcalendar')) {
      return { reason: 'not-a-calendar', detail: 'it holds something other than a calendar' };
    }
    return calendars;
  } catch (error) {
    return { reason: 'not-a-calendar', detail: errorMessage(error) };
  }
}

/** Reads a calendar file into the planned sessions it proposes for these participants. */
export function readCalendar(bytes: Uint8Array, { participants, today, timeZone }: ReadOptions): CalendarReadResult {
  if (bytes.length > MAX_CALENDAR_BYTES) return { ok: false, problem: { reason: 'too-large', bytes: bytes.length } };
  const calendars = parseCalendars(new TextDecoder().decode(bytes));
  if (!Array.isArray(calendars)) return { ok: false, problem: calendars };
  const { masters, overrides } = eventsOf(calendars);
  if (masters.length === 0) return { ok: false, problem: { reason: 'no-events' } };

  const coach = zonedClock(timeZone);
  const fromDay = dayNumber(today);
  const toDay = fromDay + IMPORT_WINDOW_DAYS;
  const window: Window = {
    fromDay,
    toDay,
    fromInstant: coach.instantOf(fromDay, 0),
    endInstant: coach.instantOf(toDay + 1, 0),
  };
  const budget: StepBudget = { series: MAX_RULE_STEPS_PER_SERIES, file: MAX_RULE_STEPS_PER_FILE };
  const proposals = new Map<string, ProposedSession>();
  const skipped = skippedList();
  const openEnded: OpenEndedSeries[] = [];
  let outsideWindow = 0;

  for (const component of masters) {
    const uid = uidOf(component);
    const title = String(component.getFirstPropertyValue('summary') ?? '').trim();
    const skipEvent = (reason: SkipReason, detail = '') =>
      skipped.add(uid, { title, date: null, startTime: null, reason, detail });
    try {
      const event = new ICAL.Event(component, { exceptions: overrides.get(uid) ?? [], strictExceptions: true });
      const rules = component.getAllProperties('rrule').map((property) => property.getFirstValue() as ICAL.Recur);
      const endless = rules.some((rule) => !rule.isFinite());
      const occurrences = occurrencesInWindow(event, coach, window, budget);
      if (occurrences.length === 0) {
        outsideWindow += 1;
        continue;
      }
      if (FOLLOWTHROUGH_ACTION_UID.test(uid)) {
        skipEvent('followthrough-action');
        continue;
      }
      let proposed = 0;
      for (const occurrence of occurrences) {
        const outcome = proposalOf(occurrence, uid, participants, coach);
        if ('reason' in outcome) {
          skipped.add(uid, outcome);
        } else if (!proposals.has(outcome.calendarEventId)) {
          proposals.set(outcome.calendarEventId, outcome);
          proposed += 1;
        }
      }
      if (proposed > 0 && endless) {
        openEnded.push({ title, until: calendarDate(toDay) });
      }
    } catch (error) {
      if (error instanceof UnknownTimeZone) skipEvent('unknown-time-zone', error.tzid);
      else if (error instanceof UnusableRepeatRule) skipEvent('unusable-repeat-rule');
      else skipEvent('unreadable', errorMessage(error));
    }
  }

  return {
    ok: true,
    value: {
      window: { from: today, to: calendarDate(toDay) },
      proposals: [...proposals.values()].sort(
        (a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime),
      ),
      skipped: skipped.list(),
      openEnded,
      outsideWindow,
    },
  };
}

function proposalOf(
  occurrence: Occurrence,
  uid: string,
  participants: readonly CalendarParticipant[],
  coach: ZonedClock,
): ProposedSession | Omit<SkippedEvent, 'occurrences'> {
  const { item } = occurrence;
  const title = (item.summary ?? '').trim();
  const placed = occurrence.start.isDate
    ? { date: occurrence.start.toString(), startTime: null }
    : wallClock(instantOf(occurrence.start, occurrence.startZone), coach);
  const skip = (reason: SkipReason, detail = '') => ({ title, ...placed, reason, detail });

  if (String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED')
    return skip('cancelled');
  if (occurrence.start.isDate) return skip('all-day');
  const endZone = zoneOf(item.component.getFirstProperty('dtend'), coach);
  if (endZone.kind === 'unknown') return skip('unknown-time-zone', endZone.tzid);
  if (!title) return skip('no-title');
  const matched = matchParticipants(title, attendeesOf(item.component), participants);
  if (matched.length === 0) return skip('not-matched');
  if (matched.length > 1)
    return skip('several-participants', matched.map((participant) => participant.name).join(', '));
  const minutes = Math.max(0, Math.round(occurrence.end.subtractDateTz(occurrence.start).toSeconds() / 60));
  if (minutes > MAX_SESSION_MINUTES) return skip('too-long');

  const exported = FOLLOWTHROUGH_SESSION_UID.exec(uid);
  return {
    calendarEventId: occurrence.recurrenceInstant === null ? uid : `${uid}/${utcStamp(occurrence.recurrenceInstant)}`,
    exportedSessionId: exported ? exported[1].toLowerCase() : null,
    participantId: matched[0].id,
    title,
    date: placed.date,
    startTime: placed.startTime ?? '00:00',
    durationMinutes: minutes,
  };
}
