// What the sync service is doing, for the screens that show it: a small store of its own, so the
// sidebar's indicator can follow it at start-up without loading the engine and its connectors,
// which start once the first screen is drawn.
import { create } from 'zustand';
import type { SyncRunReport } from './outcomes';

type SyncStatus = {
  running: boolean;
  /** Records the current run has delivered so far. */
  sent: number;
  online: boolean;
  /** The last run's report, in words too, including runs that found nothing to do or no network. */
  last: (SyncRunReport & { message: string; at: number }) | null;
};

export const useSyncStatus = create<SyncStatus>(() => ({ running: false, sent: 0, online: true, last: null }));
