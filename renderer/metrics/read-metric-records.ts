// Reads what the measures need for one scope and period, and nothing else: the flat fact rows of
// actions and sessions (renderer/db/metric-facts.ts) rather than the records, sessions only in
// the dates asked for (through the date indexes), plus participants and contracts, which are few.
import Dexie from 'dexie';
import type { FollowthroughDatabase } from '../db/database';
import type { DateRange } from '../../shared/metrics/calendar-days';
import {
  toMetricContract,
  toMetricParticipant,
  type MetricParticipant,
  type MetricRecords,
  type MetricSession,
} from '../../shared/metrics/metric-records';
import { BASELINE_DAYS, type BaselineChoice } from '../../shared/metrics/metrics-report';
import { recordsInScope, type MetricScope } from '../../shared/metrics/scope';
import { calendarDate, dayNumber } from '../../shared/metrics/calendar-days';

const isLive = (record: { deletedAt?: number }) => record.deletedAt === undefined;

/** Everyone in scope, or null for everyone (no participant filter needed). */
function participantIdsInScope(participants: MetricParticipant[], scope: MetricScope): string[] | null {
  if (scope.kind === 'everyone') return null;
  return recordsInScope({ participants, sessions: [], actions: [], contracts: [] }, scope).participants.map(
    (participant) => participant.id,
  );
}

/** The date of the first live session of the scope (ids; null for everyone), or null if none. */
export async function earliestSessionDate(db: FollowthroughDatabase, ids: string[] | null): Promise<string | null> {
  if (ids === null) return (await db.sessionFacts.orderBy('date').filter(isLive).first())?.date ?? null;
  const firsts = await Promise.all(
    ids.map((id) =>
      db.sessionFacts
        .where('[participantId+date]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .filter(isLive)
        .first(),
    ),
  );
  const dates = firsts.flatMap((session) => (session ? [session.date] : []));
  return dates.length === 0 ? null : dates.sort()[0];
}

async function sessionsBetween(
  db: FollowthroughDatabase,
  ids: string[] | null,
  dates: DateRange,
): Promise<MetricSession[]> {
  const wanted = ids === null ? null : new Set(ids);
  // Filtered here rather than with Dexie's filter(), which would walk a cursor instead of getAll().
  const sessions = await db.sessionFacts.where('date').between(dates.from, dates.to, true, true).toArray();
  return sessions.filter((session) => isLive(session) && (wanted === null || wanted.has(session.participantId)));
}

const actionsOf = (db: FollowthroughDatabase, ids: string[] | null) =>
  ids === null ? db.actionFacts.toArray() : db.actionFacts.where('participantId').anyOf(ids).toArray();

const contractsOf = (db: FollowthroughDatabase, ids: string[] | null) =>
  ids === null ? db.contracts.toArray() : db.contracts.where('participantId').anyOf(ids).toArray();

export async function readMetricRecords(
  db: FollowthroughDatabase,
  scope: MetricScope,
  range: DateRange,
  baseline: BaselineChoice,
): Promise<MetricRecords> {
  return db.transaction('r', [db.participants, db.sessionFacts, db.actionFacts, db.contracts], async () => {
    const participants = (await db.participants.toArray()).map(toMetricParticipant);
    const ids = participantIdsInScope(participants, scope);
    let baselineDates: DateRange | null = baseline.kind === 'period' ? baseline.range : null;
    if (baseline.kind === 'first-two-weeks') {
      const first = await earliestSessionDate(db, ids);
      if (first) baselineDates = { from: first, to: calendarDate(dayNumber(first) + BASELINE_DAYS - 1) };
    }
    const [current, earlier, actions, contracts] = await Promise.all([
      sessionsBetween(db, ids, range),
      baselineDates ? sessionsBetween(db, ids, baselineDates) : Promise.resolve([]),
      actionsOf(db, ids),
      contractsOf(db, ids),
    ]);
    const sessions = new Map([...current, ...earlier].map((session) => [session.id, session]));
    return {
      participants,
      sessions: [...sessions.values()],
      actions: actions.filter(isLive),
      contracts: contracts.filter(isLive).map(toMetricContract),
    };
  });
}
