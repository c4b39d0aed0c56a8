// The words of sync: counts, what a run did and why it stopped. The engine reports outcomes as
// data (renderer/sync/outcomes.ts); the run history, the Sync page and the sidebar read them here.
import { format } from 'date-fns';
import type { SyncRun } from '../../shared/model';
import type { PullApplied } from './connectors/connector';
import type { SyncRunReport, SyncStop } from './outcomes';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "3 actions and 1 commitment", leaving out a kind with none. */
export function sentCounts(counts: Pick<SyncRun, 'sentActions' | 'sentCommitments'>): string {
  const parts = [];
  if (counts.sentActions > 0 || counts.sentCommitments === 0) parts.push(plural(counts.sentActions, 'action'));
  if (counts.sentCommitments > 0) parts.push(plural(counts.sentCommitments, 'commitment'));
  return parts.join(' and ');
}

const NOTHING_SENT = 'Nothing new to send';

const retryTime = (at: number) => format(at, 'HH:mm:ss');

/** Why a run stopped early, or did not start, in one sentence. */
export function stopWords(stop: SyncStop): string {
  switch (stop.type) {
    case 'not-set-up':
    case 'cancelled':
      return stop.reason;
    case 'offline':
      return 'Offline: changes wait until the network is back';
    case 'failed':
      return `Sync stopped on an error on this device (${stop.error}). Nothing waiting was lost: it goes at the next sync`;
    case 'upstream-wait':
      return `${stop.reason}. Trying again at ${retryTime(stop.until)}`;
    case 'refused-connection':
      return stop.paused ? `${stop.reason}. Sync waits until you change Sync settings or press Sync now` : stop.reason;
    case 'unreachable':
      return `${stop.connector}: nothing answers there at the moment (${stop.reason}). The changes wait, and no failed attempt is counted against them`;
    case 'out-of-time':
      return 'This run used its time; the rest goes in the next run';
  }
}

/** What a run did, in one line. */
function completedMessage(run: SyncRun): string {
  const parts = [];
  if (run.sentActions + run.sentCommitments > 0) parts.push(`Sent ${sentCounts(run)}`);
  if (run.parked > 0) parts.push(`${plural(run.parked, 'change')} set aside`);
  if (run.held > 0) parts.push(`${plural(run.held, 'change')} held back by consent`);
  return parts.join('; ') || NOTHING_SENT;
}

/** Adds what a two-way connector brought back, when it brought anything, and what of it was not kept. */
function withPulled(message: string, { changed, notKept }: PullApplied): string {
  const parts = [message];
  if (changed > 0) parts.push(`received ${plural(changed, 'change')} from the upstream`);
  if (notKept.length > 0) {
    const why = notKept.length === 1 ? notKept[0] : `${notKept[0]}; …`;
    parts.push(`${plural(notKept.length, 'change')} from the upstream could not be kept here (${why})`);
  }
  return parts.join('; ');
}

/** The line the run history keeps: what the run did, what it received, and why it stopped early. */
export function runMessage(run: SyncRun, pulled: PullApplied, stop: SyncStop | null): string {
  const progress = withPulled(completedMessage(run), pulled);
  return stop ? [progress, stopWords(stop)].filter((part) => part !== NOTHING_SENT).join('. ') : progress;
}

/** What the Sync page and the sidebar say of a run's report. */
export function reportMessage(report: SyncRunReport): string {
  if (report.run) return report.run.message;
  return report.stop ? stopWords(report.stop) : NOTHING_SENT;
}
