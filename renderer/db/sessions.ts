// Coaching sessions: GROW notes, free notes, the quality pulse and the coaching timer.
import Dexie from 'dexie';
import {
  bySessionStart,
  isLive,
  sessionSchema,
  MAX_SESSION_MINUTES,
  type CalendarDate,
  type Pulse,
  type Session,
  type SessionCadence,
} from '../../shared/model';
import { nextSessionDate } from '../../shared/cadence';
import type { FollowthroughDatabase } from './database';
import { validated, type Clock } from './write';

type SessionDraft = Partial<Omit<Session, 'id' | 'createdAt' | 'updatedAt'>> &
  Pick<Session, 'participantId' | 'date' | 'startTime'>;
type DateOrder = 'oldest first' | 'newest first';
/** A calendar event as the import knows it (see renderer/calendar/ics-import.ts). */
type CalendarEventRef = { calendarEventId: string; exportedSessionId: string | null };
type CalendarSessionDraft = CalendarEventRef &
  Pick<Session, 'participantId' | 'date' | 'startTime' | 'durationMinutes'>;
export type SessionPatch = Partial<Omit<Session, 'id' | 'createdAt' | 'participantId'>>;

type SessionCollection = ReturnType<FollowthroughDatabase['sessions']['toCollection']>;

/** Read whole, then filtered: a filtered cursor would open sealed records one wait at a time. */
const liveInOrder = async (sessions: SessionCollection, order: DateOrder) =>
  (await (order === 'newest first' ? sessions.reverse() : sessions).toArray()).filter(isLive);

const hoursAndMinutes = (minutes: number) =>
  minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;

/** The timer ran longer than a session can last; it is stopped and the duration left as it was. */
class TimerOverrunError extends Error {
  constructor(elapsedMinutes: number, durationMinutes: number) {
    super(
      `The timer ran for ${hoursAndMinutes(elapsedMinutes)}, which would make this session longer than 24 hours. ` +
        `It is stopped and the duration stays at ${hoursAndMinutes(durationMinutes)}: enter how long the session really took.`,
    );
  }
}

/** What a new session holds until the coach says otherwise: nothing written, not started. */
export const newSessionFields = {
  durationMinutes: 0,
  timerStartedAt: null,
  type: 'one-to-one',
  goal: '',
  reality: '',
  options: '',
  will: '',
  notes: '',
  pulse: { preparation: null, clarity: null, documentedAction: null },
  status: 'draft',
  completedAt: null,
} as const satisfies Omit<Session, 'id' | 'createdAt' | 'updatedAt' | 'participantId' | 'date' | 'startTime'>;

export function sessionsRepository(db: FollowthroughDatabase, now: Clock) {
  async function write(id: string, change: (current: Session) => SessionPatch): Promise<Session> {
    return db.transaction('rw', db.sessions, async () => {
      const current = await db.sessions.get(id);
      if (!current) throw new Error('That session no longer exists');
      const next = validated(sessionSchema, { ...current, ...change(current), id, updatedAt: now() });
      await db.sessions.put(next);
      return next;
    });
  }

  async function create(draft: SessionDraft): Promise<Session> {
    const at = now();
    const session = validated(sessionSchema, {
      ...newSessionFields,
      ...draft,
      id: crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
    });
    await db.sessions.add(session);
    return session;
  }

  /** The participant's planned sessions from `from` on, soonest first. */
  async function plannedOf(participantId: string, from: CalendarDate): Promise<Session[]> {
    const planned = await db.sessions
      .where('[participantId+date]')
      .between([participantId, from], [participantId, Dexie.maxKey])
      .filter((session) => isLive(session) && session.status === 'planned')
      .toArray();
    return planned.sort(bySessionStart);
  }

  /** The participant's last `count` sessions held (not planned) on or before `day`, newest first. */
  function recentHeldOf(participantId: string, day: CalendarDate, count: number): Promise<Session[]> {
    return db.sessions
      .where('[participantId+date]')
      .between([participantId, Dexie.minKey], [participantId, day], true, true)
      .reverse()
      .filter((session) => isLive(session) && session.status !== 'planned')
      .limit(count)
      .toArray();
  }

  /** The participant's last session held (not planned) on or before `day`. */
  const lastHeldOf = async (participantId: string, day: CalendarDate): Promise<Session | undefined> =>
    (await recentHeldOf(participantId, day, 1))[0];

  /**
   * The sessions these calendar events already are, by event: imported before (the same
   * calendarEventId) or exported from here (the event names the session). The trash included.
   */
  async function fromCalendarEvents(events: readonly CalendarEventRef[]): Promise<Map<string, Session>> {
    const [imported, exported] = await Promise.all([
      db.sessions
        .where('calendarEventId')
        .anyOf(events.map((event) => event.calendarEventId))
        .toArray(),
      db.sessions.bulkGet(events.flatMap((event) => (event.exportedSessionId ? [event.exportedSessionId] : []))),
    ]);
    const byEvent = new Map(imported.map((session) => [session.calendarEventId, session]));
    const byId = new Map(exported.flatMap((session) => (session ? [[session.id, session]] : [])));
    const found = new Map<string, Session>();
    for (const event of events) {
      const session =
        byEvent.get(event.calendarEventId) ?? (event.exportedSessionId && byId.get(event.exportedSessionId));
      if (session) found.set(event.calendarEventId, session);
    }
    return found;
  }

  return {
    create,

    /** Books a session ahead: it stays planned until it is held and marked complete. */
    plan: (draft: Pick<Session, 'participantId' | 'date' | 'startTime' | 'type'>) =>
      create({ ...draft, status: 'planned' }),

    update: (id: string, patch: SessionPatch) => write(id, () => patch),

    /** Sets one pulse answer on the stored pulse, so quick answers to several questions never
     * overwrite each other with a stale copy. */
    setPulseScore: (id: string, question: keyof Pulse, score: number) =>
      write(id, (current) => ({ pulse: { ...current.pulse, [question]: score } })),

    startTimer: (id: string) => write(id, (current) => ({ timerStartedAt: current.timerStartedAt ?? now() })),

    /**
     * Stops the timer and adds the elapsed whole minutes (at least one) to the duration. A timer
     * that would take the session past 24 hours (left running overnight, say) is stopped without
     * adding anything, and the coach is told so, rather than the duration quietly becoming 24 hours.
     */
    async stopTimer(id: string): Promise<Session> {
      // Set inside the write; typed by assertion so the check after it is not narrowed to null.
      let overran = null as { elapsedMinutes: number; durationMinutes: number } | null;
      const session = await write(id, (current) => {
        if (current.timerStartedAt === null) return {};
        const elapsedMinutes = Math.max(1, Math.round((now() - current.timerStartedAt) / 60_000));
        if (current.durationMinutes + elapsedMinutes > MAX_SESSION_MINUTES) {
          overran = { elapsedMinutes, durationMinutes: current.durationMinutes };
          return { timerStartedAt: null };
        }
        return { timerStartedAt: null, durationMinutes: current.durationMinutes + elapsedMinutes };
      });
      if (overran) throw new TimerOverrunError(overran.elapsedMinutes, overran.durationMinutes);
      return session;
    },

    complete: (id: string) => write(id, () => ({ status: 'complete', completedAt: now() })),
    reopen: (id: string) => write(id, () => ({ status: 'draft', completedAt: null })),

    get: (id: string) => db.sessions.get(id),

    /** The latest `limit` sessions not in the trash, newest first. */
    latest: (limit: number) => db.sessions.orderBy('date').reverse().filter(isLive).limit(limit).toArray(),

    /** A participant's sessions not in the trash, by date. */
    ofParticipant: (participantId: string, order: DateOrder) =>
      liveInOrder(
        db.sessions.where('[participantId+date]').between([participantId, Dexie.minKey], [participantId, Dexie.maxKey]),
        order,
      ),

    plannedOf,

    fromCalendarEvents,

    /**
     * Plans a session for each calendar event not already one here (see fromCalendarEvents), in
     * one transaction; says how many were added and how many were already here or in the trash.
     */
    planFromCalendar: (events: readonly CalendarSessionDraft[]) =>
      db.transaction('rw', db.sessions, async () => {
        const existing = await fromCalendarEvents(events);
        const added: Session[] = [];
        for (const event of events) {
          if (existing.has(event.calendarEventId)) continue;
          const { calendarEventId, participantId, date, startTime, durationMinutes } = event;
          added.push(
            await create({
              status: 'planned',
              type: 'one-to-one',
              calendarEventId,
              participantId,
              date,
              startTime,
              durationMinutes,
            }),
          );
        }
        const known = [...existing.values()];
        return {
          added,
          alreadyHere: known.filter(isLive).length,
          inTrash: known.filter((session) => !isLive(session)).length,
        };
      }),

    lastHeldOf,

    recentHeldOf,

    /**
     * Moves the participant's planned sessions from `today` on to `cadence`: the first one cadence
     * after the last session held (or today), each next one cadence after it, times kept.
     */
    replanAtCadence: (participantId: string, cadence: SessionCadence, today: CalendarDate) =>
      db.transaction('rw', db.sessions, async () => {
        const [planned, lastHeld] = await Promise.all([
          plannedOf(participantId, today),
          lastHeldOf(participantId, today),
        ]);
        let anchor = lastHeld?.date ?? today;
        for (const session of planned) {
          const date = nextSessionDate(anchor, cadence);
          if (date === null) return;
          await db.sessions.put(validated(sessionSchema, { ...session, date, updatedAt: now() }));
          anchor = date;
        }
      }),

    /** The sessions not in the trash dated from `from` to `to`, both included. */
    between: (from: CalendarDate, to: CalendarDate, order: DateOrder) =>
      liveInOrder(db.sessions.where('date').between(from, to, true, true), order),
  };
}
