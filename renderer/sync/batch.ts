// Turns a page of due outbox entries into the events of one push. Several entries for the same
// record collapse into the newest snapshot, so the upstream never receives an older state after
// a newer one; entries that cannot go are returned with their reason instead.
import type { OutboxEntry } from '../../shared/model';
import type { RecordSyncEvent } from '../../shared/sync-protocol';
import type { StoredEntry } from './outbox-queue';
import { prepareEvent } from './payload';
import type { RecordContext } from './sharing';

export type BatchItem = {
  event: RecordSyncEvent;
  recordType: OutboxEntry['recordType'];
  recordId: string;
  recordVersion: number;
  title: string;
  /** Whose record it is. */
  participantId: string;
  /** Every entry this event stands for: the newest and those it supersedes. */
  entries: StoredEntry[];
};

export type SetAside = { entry: StoredEntry; reason: string };

type PreparedBatch = { items: BatchItem[]; held: SetAside[]; unusable: SetAside[] };

/**
 * Prepares a page in slices of at most `sliceMs` between two yields, so neither the screen nor the
 * upstream's answer to the request in flight waits long for it.
 */
export async function prepareBatch(
  page: StoredEntry[],
  context: RecordContext,
  pacing: { yieldToUi: () => Promise<void>; sliceMs: number },
): Promise<PreparedBatch> {
  const byRecord = new Map<string, BatchItem>();
  const held: SetAside[] = [];
  const unusable: SetAside[] = [];
  let sliceStart = performance.now();
  for (const [index, entry] of page.entries()) {
    if (index > 0 && performance.now() - sliceStart >= pacing.sliceMs) {
      await pacing.yieldToUi();
      sliceStart = performance.now();
    }
    const prepared = await prepareEvent(entry, context);
    if (prepared.kind === 'held') held.push({ entry, reason: prepared.reason });
    else if (prepared.kind === 'unusable') unusable.push({ entry, reason: prepared.reason });
    else {
      const current = byRecord.get(entry.recordId);
      const candidate: BatchItem = {
        event: prepared.event,
        recordType: entry.recordType,
        recordId: entry.recordId,
        recordVersion: prepared.event.recordVersion,
        title: prepared.title,
        participantId: prepared.participantId,
        entries: [...(current?.entries ?? []), entry],
      };
      byRecord.set(
        entry.recordId,
        current && current.recordVersion > candidate.recordVersion
          ? { ...current, entries: candidate.entries }
          : candidate,
      );
    }
  }
  return { items: [...byRecord.values()], held, unusable };
}
