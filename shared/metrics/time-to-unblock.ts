// Mean time to unblock: for each time an action was marked blocked in a period, the time until
// its next status change to open, done or verified. Spells still blocked when the period ends,
// or dropped while blocked, have no unblock time: they are counted but left out of the mean.
import { inRange } from './calendar-days';
import type { DatedSpell } from './dated-records';
import type { Period } from './period';
import { mean } from './ratio';

export type UnblockResult = {
  blocked: number;
  unblocked: number;
  stillBlocked: number;
  droppedWhileBlocked: number;
  meanMs: number | null;
  /** How long the longest still-blocked spell had been blocked at the period's end (or now). */
  longestStillBlockedMs: number | null;
};

export function timeToUnblock(spells: readonly DatedSpell[], within: Period): UnblockResult {
  const asOf = Math.min(within.now, within.endsBefore);
  const durations: number[] = [];
  let blocked = 0;
  let stillBlocked = 0;
  let droppedWhileBlocked = 0;
  let longestStillBlockedMs: number | null = null;
  for (const spell of spells) {
    if (!inRange(spell.blockedDay, within)) continue;
    blocked += 1;
    if (spell.endedAt === null || spell.endedAt >= within.endsBefore) {
      stillBlocked += 1;
      longestStillBlockedMs = Math.max(longestStillBlockedMs ?? 0, asOf - spell.blockedAt, 0);
    } else if (spell.dropped) {
      droppedWhileBlocked += 1;
    } else {
      durations.push(Math.max(0, spell.endedAt - spell.blockedAt));
    }
  }
  return {
    blocked,
    unblocked: durations.length,
    stillBlocked,
    droppedWhileBlocked,
    meanMs: mean(durations),
    longestStillBlockedMs,
  };
}
