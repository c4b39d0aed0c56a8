// The one interface every upstream sits behind. The engine hands a connector batches of wire
// events and reads back what happened; only the connector knows about HTTP or files. A two-way
// connector (the Followthrough hub) also implements pull.
import type { OutboxEntry } from '../../../shared/model';
import type { SyncEvent } from '../../../shared/sync-protocol';

type ConnectorKind = 'webhook' | 'file-drop' | 'hub';

export type PushOutcome =
  /** The upstream holds every event of the batch. */
  | { kind: 'acknowledged'; status: number | null; detail: string }
  /** Nothing was acknowledged; try the batch again later. */
  | {
      kind: 'retry';
      reason: string;
      status: number | null;
      /** What the upstream asked for (Retry-After), in place of the engine's own backoff when longer. */
      retryAfterMs: number | null;
      /** False when the upstream never saw the batch (the file drop's folder is missing): the entries keep their attempts. */
      countsAsAttempt: boolean;
    }
  /**
   * Refused for good. `content`: something in the batch was refused, so smaller batches may pass;
   * `connection`: every batch would be refused (wrong address, bad secret) until settings change.
   */
  | { kind: 'rejected'; reason: string; status: number | null; scope: 'content' | 'connection' };

/**
 * A push built but not yet sent: the request body and its signature are ready, so the engine can
 * prepare the next batch while another is in flight and send it the moment the answer comes.
 */
export type PreparedPush = { send(): Promise<PushOutcome> };

/** The push of a connector whose pushes need no preparation worth doing ahead. */
export const sendAtOnce =
  (push: (events: SyncEvent[]) => Promise<PushOutcome>) =>
  async (events: SyncEvent[]): Promise<PreparedPush> => ({ send: () => push(events) });

/** A change made upstream, for a two-way connector to hand back. */
export type PulledChange = {
  recordType: OutboxEntry['recordType'];
  recordId: string;
  /** The upstream's own version of the record, for the conflict rule. */
  upstreamVersion: string;
  fields: Record<string, unknown>;
};

/** What applying pulled changes did: how many local records changed, and why each change not kept was not. */
export type PullApplied = { changed: number; notKept: string[] };

/** A failed pull: `refused` when the connection itself was refused; the upstream's Retry-After, if it sent one. */
export type PullOutcome =
  | { ok: true; changes: PulledChange[]; cursor: string }
  | { ok: false; reason: string; refused: boolean; retryAfterMs: number | null };

export interface SyncConnector {
  readonly kind: ConnectorKind;
  /** Names the connection for the coach, e.g. "Webhook to hooks.zapier.com". */
  readonly label: string;
  /** The most events one push may carry. */
  readonly batchSize: number;
  /** False for connectors that work offline (the file drop). */
  readonly needsNetwork: boolean;
  prepare(events: SyncEvent[]): Promise<PreparedPush>;
  /** Prepares and sends at once. */
  push(events: SyncEvent[]): Promise<PushOutcome>;
  /** Changes made upstream since `cursor` (null: from the beginning). Only two-way connectors have it. */
  pull?(cursor: string | null): Promise<PullOutcome>;
  /**
   * Whether anything answers at the upstream's address. The engine asks after a push got no answer
   * at all, to tell an upstream nobody can reach (the changes wait, no attempt is counted) from a
   * request that failed on its way. Without it, every such failure counts as an attempt.
   */
  isReachable?(): Promise<boolean>;
}

/** Asks the platform whether anything answers at `url` (the PlatformApi's checkReachable). */
export type ReachabilityCheck = (url: string) => Promise<boolean>;
