// The one sentence at the top of the Sync page: "14 actions sent this week, 2 failed: reason".
import { startOfWeek } from 'date-fns';
import type { OutboxEntry, SyncRun } from '../../shared/model';
import { sentCounts } from './wording';

/** Weeks start on Monday, as coaching programmes plan them. */
export const weekStart = (now: number) => startOfWeek(now, { weekStartsOn: 1 }).getTime();

const HEADLINE_LENGTH = 90;

/** A reason cut to a headline at a word's end; Needs attention shows it whole. */
function headline(reason: string): string {
  if (reason.length <= HEADLINE_LENGTH) return reason;
  const cut = reason.slice(0, HEADLINE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > HEADLINE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut}…`;
}

/**
 * What the week's runs delivered, each record counted once however many of its changes went;
 * runs kept before they listed every record count as they did then.
 */
function distinctSent(runs: SyncRun[]): Pick<SyncRun, 'sentActions' | 'sentCommitments'> {
  const actions = new Set<string>();
  const commitments = new Set<string>();
  let unlisted = { sentActions: 0, sentCommitments: 0 };
  for (const run of runs) {
    if (!run.sentIds) {
      unlisted = {
        sentActions: unlisted.sentActions + run.sentActions,
        sentCommitments: unlisted.sentCommitments + run.sentCommitments,
      };
      continue;
    }
    run.sentIds.actions.forEach((id) => actions.add(id));
    run.sentIds.commitments.forEach((id) => commitments.add(id));
  }
  return {
    sentActions: actions.size + unlisted.sentActions,
    sentCommitments: commitments.size + unlisted.sentCommitments,
  };
}

export function weeklySummary(runsThisWeek: SyncRun[], parked: OutboxEntry[], since: number): string {
  const totals = distinctSent(runsThisWeek);
  const sent = `${sentCounts(totals)} sent this week`;
  const failed = parked.filter((entry) => entry.updatedAt >= since);
  if (failed.length === 0) return sent;
  const reasons = new Set(failed.map((entry) => entry.lastError ?? 'no reason recorded'));
  const why =
    reasons.size === 1 ? headline([...reasons][0]) : `${reasons.size} different reasons, listed under Needs attention`;
  return `${sent}, ${failed.length} failed: ${why}`;
}
