// Reads what the measures need for one scope and period, and nothing else: the fact groups of
// actions and sessions (renderer/db/metric-facts.ts) rather than the records, one row per
// participant in scope, sessions then kept only in the dates asked for, plus participants and
// contracts, which are few.
import type { EntityTable } from 'dexie';
import type { FollowthroughDatabase } from '../db/database';
import type { FactGroup } from '../db/metric-facts';
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

/** The rows of a group table for these participants (ids), or for everyone (null). */
async function groupsOf<Fact>(
  table: EntityTable<FactGroup<Fact>, 'participantId'>,
  ids: string[] | null,
): Promise<Fact[]> {
  const groups = ids === null ? await table.toArray() : await table.bulkGet(ids);
  return groups.flatMap((group) => group?.facts ?? []);
}

const firstDate = (sessions: readonly MetricSession[]): string | null =>
  sessions.reduce<string | null>(
    (first, session) => (first === null || session.date < first ? session.date : first),
    null,
  );

/** The date of the first live session of the scope (ids; null for everyone), or null if none. */
export async function earliestSessionDate(db: FollowthroughDatabase, ids: string[] | null): Promise<string | null> {
  return firstDate((await groupsOf(db.sessionFactGroups, ids)).filter(isLive));
}

const within = (dates: DateRange | null, date: string) => dates !== null && dates.from <= date && date <= dates.to;

const contractsOf = (db: FollowthroughDatabase, ids: string[] | null) =>
  ids === null ? db.contracts.toArray() : db.contracts.where('participantId').anyOf(ids).toArray();

export async function readMetricRecords(
  db: FollowthroughDatabase,
  scope: MetricScope,
  range: DateRange,
  baseline: BaselineChoice,
): Promise<MetricRecords> {
  return db.transaction('r', [db.participants, db.sessionFactGroups, db.actionFactGroups, db.contracts], async () => {
    const participants = (await db.participants.toArray()).map(toMetricParticipant);
    const ids = participantIdsInScope(participants, scope);
    const [sessions, actions, contracts] = await Promise.all([
      groupsOf(db.sessionFactGroups, ids),
      groupsOf(db.actionFactGroups, ids),
      contractsOf(db, ids),
    ]);
    const live = sessions.filter(isLive);
    let baselineDates: DateRange | null = baseline.kind === 'period' ? baseline.range : null;
    const first = baseline.kind === 'first-two-weeks' ? firstDate(live) : null;
    if (first) baselineDates = { from: first, to: calendarDate(dayNumber(first) + BASELINE_DAYS - 1) };
    return {
      participants,
      sessions: live.filter((session) => within(range, session.date) || within(baselineDates, session.date)),
      actions: actions.filter(isLive),
      contracts: contracts.filter(isLive).map(toMetricContract),
    };
  });
}
