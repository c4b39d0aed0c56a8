// The weekly series behind every trend chart and the workbook's weekly sheet. Weeks start on
// Monday in the coach's time zone; the first and last week are cut to the period. Every record is
// filed under its week in one pass, so five years of weeks cost no more than one period.
import { MS_PER_DAY, calendarDate, inRange, mondayOf, weekStartsIn } from './calendar-days';
import { conversionToDate } from './conversion';
import type { DatedCommitment, DatedRecords, DatedSession, DatedSpell } from './dated-records';
import { experimentDayIn } from './experiment-adoption';
import { followThrough } from './follow-through';
import { followUpRate } from './follow-up-rate';
import { daysOf, type Period } from './period';
import { actionWithin24h, sessionPulse, sessionsHeldIn, totalHours } from './session-measures';
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
  followUpRate: number | null;
  experiments: number;
};

type WeekBucket = {
  sessions: DatedSession[];
  spells: DatedSpell[];
  commitments: DatedCommitment[];
  experiments: number;
};

export function weeklyTrends(records: DatedRecords, within: Period): WeekRow[] {
  const mondays = weekStartsIn(within);
  if (mondays.length === 0) return [];
  const buckets: WeekBucket[] = mondays.map(() => ({ sessions: [], spells: [], commitments: [], experiments: 0 }));
  const bucketOf = (day: number) => buckets[(mondayOf(day) - mondays[0]) / 7];

  for (const session of sessionsHeldIn(records.sessions, within)) bucketOf(session.day).sessions.push(session);
  for (const commitment of records.commitments) {
    if (commitment.dueDay !== null && inRange(commitment.dueDay, within))
      bucketOf(commitment.dueDay).commitments.push(commitment);
  }
  for (const spell of records.spells)
    if (inRange(spell.blockedDay, within)) bucketOf(spell.blockedDay).spells.push(spell);
  for (const action of records.actions) {
    const day = experimentDayIn(action, within);
    if (day !== null) bucketOf(day).experiments += 1;
  }

  const conversion = conversionToDate(records.actions, within, mondays);
  return mondays.map((monday, index) => {
    const bucket = buckets[index];
    const week = daysOf(within, { first: monday, last: monday + 6 });
    const pulse = sessionPulse(bucket.sessions);
    const commitments = followThrough(bucket.commitments, week);
    const unblock = timeToUnblock(bucket.spells, week);
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
      coachingHours: totalHours(bucket.sessions),
      sessionsWithPulse: pulse.withPulse,
      qualityMedian: pulse.medianScore,
      pulseShare: pulse.share,
      actionWithin24h: actionWithin24h(bucket.sessions).share,
      followUpRate: followUpRate(bucket.sessions.map((session) => session.followUp)).rate,
      experiments: bucket.experiments,
    };
  });
}
