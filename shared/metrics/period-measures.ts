// Every measure for one period, from records already narrowed to the scope.
import { conversion, type ConversionResult } from './conversion';
import { experimentAdoption, type ExperimentAdoptionResult } from './experiment-adoption';
import { commitmentsOf, followThrough, type FollowThroughResult } from './follow-through';
import type { MetricRecords } from './metric-records';
import type { Period } from './period';
import {
  actionWithin24h,
  coachingHours,
  sessionPulse,
  sessionsHeldIn,
  type ActionWithin24hResult,
  type CoachingHoursResult,
  type PulseResult,
} from './session-measures';
import { timeToUnblock, type UnblockResult } from './time-to-unblock';
import { firstActionLoggedAtBySession } from '../twenty-four-hour-rule';

export type PeriodMeasures = {
  conversion: ConversionResult;
  followThrough: FollowThroughResult;
  unblock: UnblockResult;
  pulse: PulseResult;
  hours: CoachingHoursResult;
  within24h: ActionWithin24hResult;
  experiments: ExperimentAdoptionResult;
};

/** What several periods over the same records share, worked out once. */
export type PreparedRecords = MetricRecords & {
  firstActionLoggedAt: ReadonlyMap<string, number>;
  commitments: ReturnType<typeof commitmentsOf>;
};

export function prepareRecords(records: MetricRecords): PreparedRecords {
  return {
    ...records,
    firstActionLoggedAt: firstActionLoggedAtBySession(records.actions),
    commitments: commitmentsOf(records.contracts),
  };
}

export function measuresFor(records: PreparedRecords, within: Period): PeriodMeasures {
  const held = sessionsHeldIn(records.sessions, within);
  return {
    conversion: conversion(records.actions, within),
    followThrough: followThrough(records.commitments, within),
    unblock: timeToUnblock(records.actions, within),
    pulse: sessionPulse(held),
    hours: coachingHours(held),
    within24h: actionWithin24h(held, records.firstActionLoggedAt, within),
    experiments: experimentAdoption(records.participants, held, records.actions, within),
  };
}
