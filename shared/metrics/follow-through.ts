// Commitment follow-through: of the contract commitments due in a period, the share whose status
// history reached "met" on or before the due date.
import { dayNumber, inRange } from './calendar-days';
import type { MetricCommitment, MetricContract } from './metric-records';
import type { Period } from './period';
import { ratio } from './ratio';

export type FollowThroughResult = {
  due: number;
  metOnTime: number;
  /** Met after the due date but before the period ended. */
  metLate: number;
  rate: number | null;
};

export type DatedCommitment = MetricCommitment & { dueDate: string };

export const commitmentsOf = (contracts: readonly MetricContract[]): MetricCommitment[] =>
  contracts.flatMap((contract) => contract.commitments);

export const hasDueDate = (commitment: MetricCommitment): commitment is DatedCommitment => commitment.dueDate !== null;

export function metAt(commitment: MetricCommitment): number | null {
  return commitment.statusHistory.find((change) => change.status === 'met')?.at ?? null;
}

export function followThrough(commitments: readonly MetricCommitment[], within: Period): FollowThroughResult {
  let due = 0;
  let metOnTime = 0;
  let metLate = 0;
  for (const commitment of commitments) {
    if (!hasDueDate(commitment)) continue;
    const dueDay = dayNumber(commitment.dueDate);
    if (!inRange(dueDay, within)) continue;
    due += 1;
    const met = metAt(commitment);
    if (met === null || met >= within.endsBefore) continue;
    if (within.clock.dayOf(met) <= dueDay) metOnTime += 1;
    else metLate += 1;
  }
  return { due, metOnTime, metLate, rate: ratio(metOnTime, due) };
}
