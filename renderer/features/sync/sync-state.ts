// The sidebar's one-glance sync state, from the outbox counts and the last run.
import type { SyncOutcome } from '../../sync/outcomes';
import { plural } from '../../sync/wording';

type SyncTone = 'ok' | 'pending' | 'offline' | 'attention' | 'busy';
/** `note` is short enough for the sidebar; `detail` is the full story, for a tooltip. */
type SyncState = { tone: SyncTone; text: string; note: string; detail: string };

export type SyncFacts = {
  /** No upstream is chosen in Sync settings. */
  syncOff: boolean;
  online: boolean;
  running: boolean;
  /** Records the current run has delivered so far. */
  sent: number;
  pending: number;
  parked: number;
  held: number;
  lastOutcome: SyncOutcome | null;
  lastMessage: string | null;
};

/** What keeps pending changes where they are, after a last run that ended so. */
const stuckNotes: Partial<Record<SyncOutcome, string>> = {
  'not-set-up': 'Not set up',
  'will-retry': 'Retrying',
  rejected: 'Refused',
  failed: 'Stopped',
};

/** What the sidebar says, with nothing waiting, after a last run that could not go through. */
const unsettledTexts: Partial<Record<SyncOutcome, string>> = { 'not-set-up': 'Not set up', failed: 'Sync stopped' };

export function syncState(facts: SyncFacts): SyncState {
  const waiting = facts.pending > 0 ? `${facts.pending} pending` : '';
  const lastMessage = facts.lastMessage ?? '';
  if (facts.running) {
    const progress = facts.sent > 0 ? `${facts.sent} sent` : waiting;
    return { tone: 'busy', text: 'Syncing…', note: progress, detail: progress };
  }
  if (facts.parked > 0) {
    const failed = [`${plural(facts.parked, 'change')} failed`, waiting].filter(Boolean).join(' · ');
    return { tone: 'attention', text: 'Needs attention', note: failed, detail: failed };
  }
  if (facts.syncOff) {
    const detail = 'Sync is off: changes stay on this device until you choose where they go in Sync settings';
    return { tone: 'offline', text: 'Sync off', note: waiting, detail };
  }
  if (!facts.online) return { tone: 'offline', text: 'Offline', note: waiting, detail: waiting };
  if (facts.lastOutcome === 'unreachable') {
    return { tone: 'offline', text: 'Unreachable', note: waiting, detail: lastMessage };
  }
  if (facts.pending > 0) {
    const stuck = facts.lastOutcome === null ? undefined : stuckNotes[facts.lastOutcome];
    return {
      tone: 'pending',
      text: waiting,
      note: stuck ?? '',
      detail: stuck ? lastMessage : 'Sent at the next sync',
    };
  }
  const held = facts.held > 0 ? `${facts.held} held back by consent` : '';
  // Nothing waits, but the last run could not go through (say, the webhook's secret is unreadable).
  const unsettled = facts.lastOutcome === null ? undefined : unsettledTexts[facts.lastOutcome];
  if (unsettled) return { tone: 'offline', text: unsettled, note: held, detail: lastMessage };
  return { tone: 'ok', text: 'Up to date', note: held, detail: held };
}
