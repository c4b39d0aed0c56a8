// Counts in words, shared by the engine's run messages and the Sync page.
import type { SyncRun } from '../../shared/model';

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
