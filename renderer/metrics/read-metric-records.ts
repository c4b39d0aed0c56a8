// Reads what the measures need for one scope and period, and nothing else: the fact groups of
// actions and sessions (renderer/db/metric-facts.ts) rather than the records, one row per
// participant in scope, sessions then kept only in the dates asked for, plus participants and
// contracts, which are few.
import type { EntityTable } from 'dexie';
import type { FollowthroughDatabase } from '../db/database';
import type { FactGroup } from '../db/metric-facts';
import type { DateRange } from '../../shared/metrics/calendar-days';
import { isLive } from '../../shared/model';
import {
  emptyRecords,
  toMetricContract,
  toMetricParticipant,
  type MetricParticipant,
  type MetricRecords,
  type MetricSession,
} from '../../shared/metrics/metric-records';
import { BASELINE_DAYS, type BaselineChoice } from '../../shared/metrics/metrics-report';
import { recordsInScope, type MetricScope } from '../../shared/metrics/scope';
import { calendarDate, dayNumber } from '../../shared/metrics/calendar-days';

/** Everyone in scope, or null for everyone (no participant filter needed). */
function participantIdsInScope(participants: MetricParticipant[], scope: MetricScope): string[] | null {
  if (scope.kind === 'everyone') return null;
  return recordsInScope({ ...emptyRecords, participants }, scope).participants.map((participant) => participant.id);
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

const within = (dates: DateRange | null, date: string) => dates !== null && dates.from <= date && date <= dates.to;

const contractsOf = (db: FollowthroughDatabase, ids: string[] | null) =>
  ids === null ? db.contracts.toArray() : db.contracts.where('participantId').anyOf(ids).toArray();

/** "All time": from the first live session of anyone until `until`, or from `fromWhenEmpty` when
 * there is no session yet. */
type AllTime = { until: string; fromWhenEmpty: string };

/** Everything in scope, live; with everyone's sessions too when `everyonesSessions` (All time starts
 * at anyone's first session), read in the same pass rather than a second one. */
async function readInScope(db: FollowthroughDatabase, scope: MetricScope, everyonesSessions: boolean) {
  const participants = (await db.participants.toArray()).map(toMetricParticipant);
  const ids = participantIdsInScope(participants, scope);
  const [sessions, actions, reviews, contracts] = await Promise.all([
    groupsOf(db.sessionFactGroups, everyonesSessions ? null : ids),
    groupsOf(db.actionFactGroups, ids),
    groupsOf(db.reviewFactGroups, ids),
    contractsOf(db, ids),
  ]);
  const everyones = sessions.filter(isLive);
  const wanted = ids === null ? null : new Set(ids);
  return {
    participants,
    everyonesSessions: everyones,
    sessions: wanted === null ? everyones : everyones.filter((session) => wanted.has(session.participantId)),
    actions: actions.filter(isLive),
    reviews,
    contracts: contracts.filter(isLive).map(toMetricContract),
  };
}

/** The records of the period and of the baseline's dates. */
function recordsFor(
  read: Awaited<ReturnType<typeof readInScope>>,
  range: DateRange,
  baseline: BaselineChoice,
): MetricRecords {
  let baselineDates: DateRange | null = baseline.kind === 'period' ? baseline.range : null;
  const first = baseline.kind === 'first-two-weeks' ? firstDate(read.sessions) : null;
  if (first) baselineDates = { from: first, to: calendarDate(dayNumber(first) + BASELINE_DAYS - 1) };
  const sessions = read.sessions.filter(
    (session) => within(range, session.date) || within(baselineDates, session.date),
  );
  const sessionIds = new Set(sessions.map((session) => session.id));
  return {
    participants: read.participants,
    sessions,
    actions: read.actions,
    contracts: read.contracts,
    reviews: read.reviews.filter((review) => sessionIds.has(review.sessionId)),
  };
}

const inOneRead = <T>(db: FollowthroughDatabase, work: () => Promise<T>) =>
  db.transaction(
    'r',
    [db.participants, db.sessionFactGroups, db.actionFactGroups, db.reviewFactGroups, db.contracts],
    work,
  );

export function readMetricRecords(
  db: FollowthroughDatabase,
  scope: MetricScope,
  range: DateRange,
  baseline: BaselineChoice,
): Promise<MetricRecords> {
  return inOneRead(db, async () => recordsFor(await readInScope(db, scope, false), range, baseline));
}

/** The records for All time, and the dates that turned out to be. */
export function readAllTimeMetricRecords(
  db: FollowthroughDatabase,
  scope: MetricScope,
  allTime: AllTime,
  baseline: BaselineChoice,
): Promise<{ records: MetricRecords; range: DateRange }> {
  return inOneRead(db, async () => {
    const read = await readInScope(db, scope, true);
    const range = { from: firstDate(read.everyonesSessions) ?? allTime.fromWhenEmpty, to: allTime.until };
    return { records: recordsFor(read, range, baseline), range };
  });
}
