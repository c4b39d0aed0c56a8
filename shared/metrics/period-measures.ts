// Every measure for one period, from records already narrowed to the scope and dated.
import { rangeLength } from './calendar-days';
import { conversion, type ConversionResult } from './conversion';
import type { DatedRecords } from './dated-records';
import { experimentAdoption, type ExperimentAdoptionResult } from './experiment-adoption';
import { followThrough, type FollowThroughResult } from './follow-through';
import { followUpRate, type FollowUpRate } from './follow-up-rate';
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

export type PeriodMeasures = {
  conversion: ConversionResult;
  followThrough: FollowThroughResult;
  unblock: UnblockResult;
  pulse: PulseResult;
  hours: CoachingHoursResult;
  within24h: ActionWithin24hResult;
  followUp: FollowUpRate;
  experiments: ExperimentAdoptionResult;
};

export function measuresFor(records: DatedRecords, within: Period): PeriodMeasures {
  const held = sessionsHeldIn(records.sessions, within);
  return {
    conversion: conversion(records.actions, within),
    followThrough: followThrough(records.commitments, within),
    unblock: timeToUnblock(records.spells, within),
    pulse: sessionPulse(held),
    hours: coachingHours(held, rangeLength(within)),
    within24h: actionWithin24h(held),
    followUp: followUpRate(held.map((session) => session.followUp)),
    experiments: experimentAdoption(records.participants, held, records.actions, within),
  };
}
