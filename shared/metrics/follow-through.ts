// Commitment follow-through: of the contract commitments due in a period, the share whose status
// history reached "met" on or before the due date.
import { inRange } from './calendar-days';
import type { DatedCommitment } from './dated-records';
import type { Period } from './period';
import { ratio } from './ratio';

export type FollowThroughResult = {
  due: number;
  metOnTime: number;
  /** Met after the due date but before the period ended. */
  metLate: number;
  rate: number | null;
};

export function followThrough(commitments: readonly DatedCommitment[], within: Period): FollowThroughResult {
  let due = 0;
  let metOnTime = 0;
  let metLate = 0;
  for (const { dueDay, metAt, metDay } of commitments) {
    if (dueDay === null || !inRange(dueDay, within)) continue;
    due += 1;
    if (metAt === null || metDay === null || metAt >= within.endsBefore) continue;
    if (metDay <= dueDay) metOnTime += 1;
    else metLate += 1;
  }
  return { due, metOnTime, metLate, rate: ratio(metOnTime, due) };
}
