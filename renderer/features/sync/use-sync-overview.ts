// Live reads for the Sync page and the sidebar indicator: the database is the state, so both
// follow the writes the engine makes (the outbox through one shared, paced snapshot).
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
// eslint-disable-next-line no-restricted-imports -- handed to the sync run log and outbox (renderer/sync), which own these reads
import { database } from '../../db/instance';
import { createOutboxSnapshot } from './outbox-snapshot';
import { recentRuns, runsSince } from '../../sync/run-log';
import { readSyncSettings } from '../../sync/settings';
import { weekStart } from '../../sync/weekly-summary';
import { useSyncStatus } from '../../sync/sync-status';
import { syncState } from './sync-state';

const outboxSnapshot = createOutboxSnapshot(database, { previewSize: 25, refreshMs: 400 });
// A run writes the outbox page after page while the screen shows its progress; the outbox is
// read again once the run is over.
useSyncStatus.subscribe((status, previous) => {
  if (status.running !== previous.running) outboxSnapshot.hold(status.running);
});

export function useOutboxOverview() {
  return useSyncExternalStore(outboxSnapshot.subscribe, outboxSnapshot.current);
}

export function useRecentRuns(limit: number) {
  return useLiveQuery(() => recentRuns(database, limit), [limit]);
}

/** The current time, refreshed every minute: enough for "this week" and "next weekly sync". */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useRunsThisWeek(now: number) {
  const since = weekStart(now);
  const runs = useLiveQuery(() => runsSince(database, since), [since]);
  return { since, runs };
}

export function useSyncSettings() {
  return useLiveQuery(() => readSyncSettings(database), []);
}

export function useSyncState() {
  const outbox = useOutboxOverview();
  const status = useSyncStatus();
  const settings = useSyncSettings();
  return syncState({
    syncOff: settings?.connector.kind === 'off',
    online: status.online,
    running: status.running,
    sent: status.sent,
    pending: outbox?.pending ?? 0,
    parked: outbox?.parked.length ?? 0,
    held: outbox?.held.length ?? 0,
    lastOutcome: status.last?.outcome ?? null,
    lastMessage: status.last?.message ?? null,
  });
}
