// What the Sync page and the sidebar show of the outbox, read in one transaction and shared by
// every component that shows it. A drain removes entries several times a second; a live query per
// component, re-read and re-rendered after each of those writes, cost the drain more than the
// network did. So the snapshot follows the outbox at once after a quiet spell and at most every
// `refreshMs` while writes keep coming, and while it is held (during a sync run, whose progress
// the screen shows instead) not at all; the last write is always followed by a fresh read.
import Dexie, { type ObservabilitySet } from 'dexie';
// eslint-disable-next-line no-restricted-imports -- handed to the outbox queue (renderer/sync), which owns these reads
import type { FollowthroughDatabase } from '../../db/database';
import { createLogger } from '../../../shared/logger';
import { outboxOverview, type OutboxOverview, type StoredEntry } from '../../sync/outbox-queue';

const log = createLogger('sync-snapshot');

/** What the Sync page shows of an overview: a read that changes none of it re-renders nothing. */
function shownPart(overview: OutboxOverview): string {
  const entries = (list: StoredEntry[]) =>
    list.map((entry) => `${entry.seq}:${entry.state}:${entry.updatedAt}:${entry.attempts}`).join(',');
  return [overview.pending, entries(overview.held), entries(overview.parked), entries(overview.firstPending)].join('|');
}

export type OutboxSnapshot = {
  subscribe: (listener: () => void) => () => void;
  current: () => OutboxOverview | undefined;
  /** While held, writes only mark the snapshot stale; on release a stale one is read at once. */
  hold: (held: boolean) => void;
};

export function createOutboxSnapshot(
  db: FollowthroughDatabase,
  options: { previewSize: number; refreshMs: number },
): OutboxSnapshot {
  const outboxPart = `idb://${db.name}/outbox/`;
  const listeners = new Set<() => void>();
  let current: OutboxOverview | undefined;
  let shown = '';
  let lastReadAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  /** Written since the last read began. */
  let stale = false;
  let held = false;

  async function read(): Promise<void> {
    if (reading) {
      stale = true;
      return;
    }
    reading = true;
    stale = false;
    lastReadAt = performance.now();
    try {
      const overview = await outboxOverview(db, options.previewSize);
      const next = shownPart(overview);
      if (current === undefined || next !== shown) {
        current = overview;
        shown = next;
        listeners.forEach((listener) => listener());
      }
    } catch (error) {
      log.warn('the outbox could not be read for the Sync page', error);
    } finally {
      reading = false;
      if (stale && !held) schedule();
    }
  }

  function schedule(): void {
    if (timer !== undefined) return;
    const wait = Math.max(0, lastReadAt + options.refreshMs - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      void read();
    }, wait);
  }

  const onWrites = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((part) => part.startsWith(outboxPart))) return;
    if (held) stale = true;
    else schedule();
  };

  function start(): void {
    Dexie.on('storagemutated', onWrites);
    void read();
  }

  function stop(): void {
    Dexie.on('storagemutated').unsubscribe(onWrites);
    clearTimeout(timer);
    timer = undefined;
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      // A screen that opens reads afresh, in case a write reached the database some other way.
      if (listeners.size === 1) start();
      else if (!held) schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    current: () => current,
    hold(hold) {
      held = hold;
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        stale = true;
      }
      if (!held && stale && listeners.size > 0) void read();
    },
  };
}
