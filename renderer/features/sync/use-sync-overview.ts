// Live reads for the Sync page and the sidebar indicator: the database is the state, so both
// follow every write the engine makes.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '../../db/instance';
import { outboxCounts, outboxOverview } from '../../sync/outbox-queue';
import { recentRuns, runsSince } from '../../sync/run-log';
import { readSyncSettings } from '../../sync/settings';
import { weekStart } from '../../sync/weekly-summary';
import { useSyncStatus } from '../../sync/service';
import { syncState } from './sync-state';

const PREVIEW_SIZE = 25;

export function useOutboxOverview() {
  return useLiveQuery(() => outboxOverview(database, PREVIEW_SIZE), []);
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
  const counts = useLiveQuery(() => outboxCounts(database), []);
  const status = useSyncStatus();
  return syncState({
    online: status.online,
    running: status.running,
    pending: counts?.pending ?? 0,
    parked: counts?.parked ?? 0,
    held: counts?.held ?? 0,
    lastOutcome: status.last?.outcome ?? null,
    lastMessage: status.last?.message ?? null,
  });
}
