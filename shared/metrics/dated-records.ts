// Records placed on the coach's calendar once per computation: the local day of every instant a
// measure compares with a period, each session's start on the wall clock and its 24-hour verdict,
// each commitment's due day and when it was met. The period and the ~260 weeks of a five-year
// trend then compare whole-day numbers, and no record meets the time-zone rules twice.
import {
  twentyFourHourStatus,
  firstActionLoggedAtBySession,
  sessionStartsAt,
  type TwentyFourHourStatus,
} from '../twenty-four-hour-rule';
import { dayNumber } from './calendar-days';
import type { BlockedSpell, MetricAction, MetricCommitment, MetricRecords, MetricSession } from './metric-records';
import { followUpBySession, type FollowUpCounts } from './follow-up-rate';
import { pulseScore } from './session-measures';
import type { ZonedClock } from './zoned-clock';

// Each a fixed set of fields built by one object literal, so the measures' loops over thousands of
// them read one object shape.
export type DatedAction = Pick<MetricAction, 'participantId' | 'isExperiment' | 'completedAt' | 'verifiedAt'> & {
  createdDay: number;
  /** The local day of completedAt, or null. */
  completedDay: number | null;
};

export type DatedSpell = BlockedSpell & { blockedDay: number };

export type DatedSession = Pick<MetricSession, 'participantId' | 'durationMinutes'> & {
  /** The earlier actions open when it began, and how many of them it went over. */
  followUp: FollowUpCounts;
  day: number;
  /** When the session starts on the coach's wall clock. */
  startsAt: number;
  /** The mean of its answered pulse questions, or null. */
  score: number | null;
  /** The 24-hour rule's verdict as of the computation's `now`. */
  rule: TwentyFourHourStatus;
};

export type DatedCommitment = {
  /** Null for a commitment with no due date. */
  dueDay: number | null;
  /** When its status history first reached met, or null. */
  metAt: number | null;
  metDay: number | null;
};

export type DatedRecords = Pick<MetricRecords, 'participants'> & {
  sessions: DatedSession[];
  actions: DatedAction[];
  /** The blocked spells of every action, in action order. */
  spells: DatedSpell[];
  commitments: DatedCommitment[];
};

function datedCommitment(commitment: MetricCommitment, clock: ZonedClock): DatedCommitment {
  const metAt = commitment.statusHistory.find((change) => change.status === 'met')?.at ?? null;
  return {
    dueDay: commitment.dueDate === null ? null : dayNumber(commitment.dueDate),
    metAt,
    metDay: metAt === null ? null : clock.dayOf(metAt),
  };
}

/** Records already narrowed to a scope, dated in the clock's zone; `now` decides open 24-hour windows. */
export function dateRecords(records: MetricRecords, clock: ZonedClock, now: number): DatedRecords {
  const firstActionLoggedAt = firstActionLoggedAtBySession(records.actions);
  const spells: DatedSpell[] = [];
  const actions = records.actions.map((action): DatedAction => {
    for (const { blockedAt, endedAt, dropped } of action.blocks ?? []) {
      spells.push({ blockedAt, endedAt, dropped, blockedDay: clock.dayOf(blockedAt) });
    }
    return {
      participantId: action.participantId,
      isExperiment: action.isExperiment,
      completedAt: action.completedAt,
      verifiedAt: action.verifiedAt,
      createdDay: clock.dayOf(action.createdAt),
      completedDay: action.completedAt === null ? null : clock.dayOf(action.completedAt),
    };
  });
  const startsAt = records.sessions.map((session) => sessionStartsAt(session, clock));
  const followUp = followUpBySession(
    records.sessions.map(({ id, participantId }, index) => ({ id, participantId, startsAt: startsAt[index] })),
    records.actions,
    records.reviews,
  );
  const sessions = records.sessions.map((session, index): DatedSession => ({
    participantId: session.participantId,
    durationMinutes: session.durationMinutes,
    followUp: followUp.get(session.id)!,
    day: dayNumber(session.date),
    startsAt: startsAt[index],
    score: pulseScore(session),
    rule: twentyFourHourStatus(session, firstActionLoggedAt.get(session.id) ?? null, clock, now),
  }));
  return {
    participants: records.participants,
    sessions,
    actions,
    spells,
    commitments: records.contracts.flatMap((contract) =>
      contract.commitments.map((commitment) => datedCommitment(commitment, clock)),
    ),
  };
}
