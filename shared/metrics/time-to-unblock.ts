// Mean time to unblock: for each time an action was marked blocked in a period, the time until
// its next status change to open, done or verified. Episodes still blocked when the period ends,
// or dropped while blocked, have no unblock time: they are counted but left out of the mean.
import type { StatusChange } from '../model';
import type { MetricAction } from './metric-records';
import { happenedIn, type Period } from './period';
import { mean } from './ratio';

const unblocking = new Set<StatusChange['status']>(['open', 'done', 'verified']);

export type BlockedEpisode = {
  blockedAt: number;
  /** The next status change after the block, if any. */
  next: Pick<StatusChange, 'status' | 'at'> | null;
};

export function blockedEpisodes(action: Pick<MetricAction, 'history'>): BlockedEpisode[] {
  const episodes: BlockedEpisode[] = [];
  action.history.forEach((change, index) => {
    if (change.status !== 'blocked') return;
    const next = action.history.slice(index + 1).find((later) => later.status !== 'blocked') ?? null;
    episodes.push({ blockedAt: change.at, next });
  });
  return episodes;
}

export type UnblockResult = {
  blocked: number;
  unblocked: number;
  stillBlocked: number;
  droppedWhileBlocked: number;
  meanMs: number | null;
  /** How long the longest still-blocked episode had been blocked at the period's end (or now). */
  longestStillBlockedMs: number | null;
};

export function timeToUnblock(actions: readonly MetricAction[], within: Period): UnblockResult {
  const asOf = Math.min(within.now, within.endsBefore);
  const durations: number[] = [];
  let blocked = 0;
  let stillBlocked = 0;
  let droppedWhileBlocked = 0;
  let longestStillBlockedMs: number | null = null;
  for (const action of actions) {
    if (!action.history.some((change) => change.status === 'blocked')) continue;
    for (const episode of blockedEpisodes(action)) {
      if (!happenedIn(episode.blockedAt, within)) continue;
      blocked += 1;
      const { next } = episode;
      if (next === null || next.at >= within.endsBefore) {
        stillBlocked += 1;
        longestStillBlockedMs = Math.max(longestStillBlockedMs ?? 0, asOf - episode.blockedAt, 0);
      } else if (unblocking.has(next.status)) {
        durations.push(Math.max(0, next.at - episode.blockedAt));
      } else {
        droppedWhileBlocked += 1;
      }
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
