// The weekly series behind every trend chart and the workbook's weekly sheet. Weeks start on
// Monday in the coach's time zone; the first and last week are cut to the period.
import { MS_PER_DAY, calendarDate, dayNumber, inRange, mondayOf, weekStartsIn } from './calendar-days';
import { completedAt, conversionToDate } from './conversion';
import { followThrough, hasDueDate, type DatedCommitment } from './follow-through';
import type { MetricAction, MetricSession } from './metric-records';
import type { PreparedRecords } from './period-measures';
import { daysOf, happenedIn, type Period } from './period';
import { actionWithin24h, coachingHours, sessionPulse, sessionsHeldIn } from './session-measures';
import { timeToUnblock } from './time-to-unblock';

export type WeekRow = {
  /** The Monday the week starts on (it may start before the period does). */
  weekStart: string;
  actionsLogged: number;
  actionsCompleted: number;
  conversionToDate: number | null;
  commitmentsDue: number;
  commitmentsMetOnTime: number;
  followThrough: number | null;
  blocksRaised: number;
  blocksUnblocked: number;
  meanDaysToUnblock: number | null;
  sessions: number;
  coachingHours: number;
  sessionsWithPulse: number;
  qualityMedian: number | null;
  pulseShare: number | null;
  actionWithin24h: number | null;
  experiments: number;
};

type WeekBucket = {
  sessions: MetricSession[];
  blockedActions: MetricAction[];
  commitments: DatedCommitment[];
  experiments: number;
};

export function weeklyTrends(records: PreparedRecords, within: Period): WeekRow[] {
  const mondays = weekStartsIn(within);
  if (mondays.length === 0) return [];
  const buckets: WeekBucket[] = mondays.map(() => ({
    sessions: [],
    blockedActions: [],
    commitments: [],
    experiments: 0,
  }));
  const bucketOf = (day: number) => buckets[(mondayOf(day) - mondays[0]) / 7];

  for (const session of sessionsHeldIn(records.sessions, within))
    bucketOf(dayNumber(session.date)).sessions.push(session);
  for (const commitment of records.commitments) {
    if (!hasDueDate(commitment)) continue;
    const dueDay = dayNumber(commitment.dueDate);
    if (inRange(dueDay, within)) bucketOf(dueDay).commitments.push(commitment);
  }
  for (const action of records.actions) {
    addBlocks(action, within, bucketOf);
    if (!action.isExperiment) continue;
    const completion = completedAt(action);
    if (completion !== null && happenedIn(completion, within))
      bucketOf(within.clock.dayOf(completion)).experiments += 1;
  }

  const conversion = conversionToDate(records.actions, within, mondays);
  return mondays.map((monday, index) => {
    const bucket = buckets[index];
    const week = daysOf(within, { first: monday, last: monday + 6 });
    const pulse = sessionPulse(bucket.sessions);
    const commitments = followThrough(bucket.commitments, week);
    const unblock = timeToUnblock(bucket.blockedActions, week);
    return {
      weekStart: calendarDate(monday),
      actionsLogged: conversion[index].logged - (conversion[index - 1]?.logged ?? 0),
      actionsCompleted: conversion[index].completed - (conversion[index - 1]?.completed ?? 0),
      conversionToDate: conversion[index].rate,
      commitmentsDue: commitments.due,
      commitmentsMetOnTime: commitments.metOnTime,
      followThrough: commitments.rate,
      blocksRaised: unblock.blocked,
      blocksUnblocked: unblock.unblocked,
      meanDaysToUnblock: unblock.meanMs === null ? null : unblock.meanMs / MS_PER_DAY,
      sessions: bucket.sessions.length,
      coachingHours: coachingHours(bucket.sessions).hours,
      sessionsWithPulse: pulse.withPulse,
      qualityMedian: pulse.medianScore,
      pulseShare: pulse.share,
      actionWithin24h: actionWithin24h(bucket.sessions, records.firstActionLoggedAt, week).share,
      experiments: bucket.experiments,
    };
  });
}

/** Files an action under each week of the period in which it was marked blocked, once per week. */
function addBlocks(action: MetricAction, within: Period, bucketOf: (day: number) => WeekBucket): void {
  let lastBucket: WeekBucket | null = null;
  for (const change of action.history) {
    if (change.status !== 'blocked') continue;
    const day = within.clock.dayOf(change.at);
    if (!inRange(day, within)) continue;
    const bucket = bucketOf(day);
    if (bucket !== lastBucket && !bucket.blockedActions.includes(action)) bucket.blockedActions.push(action);
    lastBucket = bucket;
  }
}
