// The record of one sync run as it goes: what was sent and set aside, each exchange with the
// upstream, and whose each record that went out is, so the history can leave out anyone erased
// while the run went on.
import type { FollowthroughDatabase } from '../db/database';
import type { Clock } from '../db/write';
import type { SyncRun, SyncTrigger } from '../../shared/model';
import type { BatchItem } from './batch';
import type { PushOutcome } from './connectors/connector';
import { runWithout } from './run-log';

type Owner = { participantId: string; name: string | null };

export type RunRecord = {
  readonly run: SyncRun;
  /** Records delivered so far. */
  sent(): number;
  noteExchange(outcome: PushOutcome, events: number): void;
  /** Whose each record that went out is, and the name it went out with (null for none). */
  noteOwners(items: BatchItem[]): void;
  /** Counts what the upstream now holds. */
  noteSent(items: BatchItem[]): void;
  noteSetAside(count: number, state: 'parked' | 'held'): void;
  /** The run as the history may keep it: nothing of a participant erased while it ran, as erasure promises. */
  withoutErasedParticipants(db: FollowthroughDatabase): Promise<SyncRun>;
};

export function createRunRecord(
  start: { trigger: SyncTrigger; connector: string; startedAt: number },
  now: Clock,
): RunRecord {
  const run: SyncRun = {
    ...start,
    finishedAt: start.startedAt,
    outcome: 'up-to-date',
    message: '',
    sentActions: 0,
    sentCommitments: 0,
    parked: 0,
    held: 0,
    sentItems: [],
    sentIds: { actions: [], commitments: [] },
    exchanges: [],
  };
  const sentIds = run.sentIds!;
  const ownerOf = new Map<string, Owner>();
  return {
    run,
    sent: () => run.sentActions + run.sentCommitments,
    noteExchange(outcome, events) {
      const detail = outcome.kind === 'acknowledged' ? outcome.detail : outcome.reason;
      run.exchanges.push({
        at: now(),
        events,
        status: outcome.status,
        result: outcome.kind,
        detail: detail.slice(0, 1000),
      });
    },
    noteOwners(items) {
      for (const item of items) {
        ownerOf.set(item.recordId, { participantId: item.participantId, name: item.event.participant.displayName });
      }
    },
    noteSent(items) {
      for (const item of items) {
        if (item.recordType === 'action') {
          run.sentActions += 1;
          sentIds.actions.push(item.recordId);
        } else {
          run.sentCommitments += 1;
          sentIds.commitments.push(item.recordId);
        }
        run.sentItems.push({ recordType: item.recordType, recordId: item.recordId, title: item.title });
      }
    },
    noteSetAside(count, state) {
      if (state === 'parked') run.parked += count;
      else run.held += count;
    },
    withoutErasedParticipants: (db) => withoutErased(db, run, ownerOf),
  };
}

async function withoutErased(db: FollowthroughDatabase, run: SyncRun, ownerOf: Map<string, Owner>): Promise<SyncRun> {
  const participantIds = [...new Set([...ownerOf.values()].map((owner) => owner.participantId))];
  if (participantIds.length === 0) return run;
  const present = await db.participants.bulkGet(participantIds);
  const erased = new Set(participantIds.filter((_, index) => present[index] === undefined));
  if (erased.size === 0) return run;
  const theirs = [...ownerOf].filter(([, owner]) => erased.has(owner.participantId));
  const ids = new Set([...erased, ...theirs.map(([recordId]) => recordId)]);
  const names = theirs.flatMap(([, owner]) => (owner.name === null ? [] : [owner.name]));
  return runWithout(run, ids, [...ids, ...names]).kept;
}
