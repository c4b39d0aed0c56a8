// The one interface every upstream sits behind. The engine hands a connector batches of wire
// events and reads back what happened; only the connector knows about HTTP or files. A two-way
// connector (the Followthrough hub) also implements pull.
import type { OutboxEntry } from '../../../shared/model';
import type { SyncEvent } from '../../../shared/sync-protocol';

export type ConnectorKind = 'webhook' | 'file-drop' | 'hub';

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
      /** False when nobody failed (the coach cancelled a save dialog): the entries keep their attempts. */
      countsAsAttempt: boolean;
    }
  /**
   * Refused for good. `content`: something in the batch was refused, so smaller batches may pass;
   * `connection`: every batch would be refused (wrong address, bad secret) until settings change.
   */
  | { kind: 'rejected'; reason: string; status: number | null; scope: 'content' | 'connection' };

/** A change made upstream, for a two-way connector to hand back. */
export type PulledChange = {
  recordType: OutboxEntry['recordType'];
  recordId: string;
  /** The upstream's own version of the record, for the conflict rule. */
  upstreamVersion: string;
  fields: Record<string, unknown>;
};

export type PullOutcome = { ok: true; changes: PulledChange[]; cursor: string } | { ok: false; reason: string };

export interface SyncConnector {
  readonly kind: ConnectorKind;
  /** Names the connection for the coach, e.g. "Webhook to hooks.zapier.com". */
  readonly label: string;
  /** The most events one push may carry. */
  readonly batchSize: number;
  /** False for connectors that work offline (the file drop). */
  readonly needsNetwork: boolean;
  push(events: SyncEvent[]): Promise<PushOutcome>;
  /** Changes made upstream since `cursor` (null: from the beginning). Only two-way connectors have it. */
  pull?(cursor: string | null): Promise<PullOutcome>;
}
