// One sync setup for the engine tests: a fresh database with a controllable clock, a receiver on
// 127.0.0.1 and an engine that reaches it through a webhook connector and the web platform's
// httpRequest, which here runs on Node's fetch.
import { afterEach } from 'vitest';
import { openTestDatabase, testClock } from '../db/test-database';
import { createSyncEngine, type SyncEngineDeps } from '../../../renderer/sync/engine';
import { createWebhookConnector } from '../../../renderer/sync/connectors/webhook';
import { createTransport } from '../../../renderer/sync/transport';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import type { PushOutcome, SyncConnector } from '../../../renderer/sync/connectors/connector';
import type { Consent } from '../../../shared/model';
import { createWebPlatform } from '../../../renderer/platform/web';
import { startWebhookReceiver, type Fault, type ReceiverOptions } from '../../support/webhook-receiver';
import { ok } from '../../../shared/result';

export const SECRET = 'whsec_test-secret-for-followthrough';

/** The web adapter's own reachability check, on Node's fetch here as on the browser's there. */
async function webReachabilityCheck(url: string): Promise<boolean> {
  const result = await createWebPlatform().checkReachable({ url, timeoutMs: 2_000 });
  return result.ok && result.value.reachable;
}

export type HarnessOptions = {
  receiver?: Omit<ReceiverOptions, 'secret' | 'now'>;
  engine?: Partial<Omit<SyncEngineDeps, 'db' | 'now'>>;
  batchSize?: number;
  timeoutMs?: number;
  /** Wraps the webhook connector, to observe or alter what the engine sees. */
  wrap?: (connector: SyncConnector) => SyncConnector;
  shareActions?: Consent['shareActions'];
  /** Where the webhook connector sends, when not to the receiver. */
  webhookUrl?: string;
};

/** An engine over `connector`, online and never waiting for a UI unless `deps` say otherwise. */
export function onlineEngine(
  connector: SyncConnector,
  deps: Pick<SyncEngineDeps, 'db' | 'now'> & Partial<SyncEngineDeps>,
) {
  return createSyncEngine({
    connector: async () => ok(connector),
    isOnline: async () => true,
    yieldToUi: async () => undefined,
    ...deps,
  });
}

export async function syncHarness(options: HarnessOptions = {}) {
  const clock = testClock();
  const { db, repos } = openTestDatabase(clock);
  const receiver = await startWebhookReceiver({ secret: SECRET, now: clock, ...options.receiver });
  const webhook = createWebhookConnector({
    url: options.webhookUrl ?? receiver.url,
    secret: SECRET,
    // The web adapter's own httpRequest, which runs on Node's fetch here as on the browser's there.
    transport: createTransport(createWebPlatform().httpRequest),
    backoff: defaultBackoffPolicy,
    now: clock,
    timeoutMs: options.timeoutMs ?? 2_000,
    batchSize: options.batchSize ?? 10,
    checkReachable: webReachabilityCheck,
  });
  const connector = options.wrap ? options.wrap(webhook) : webhook;
  const engine = onlineEngine(connector, { db, now: clock, ...options.engine });
  const participant = await repos.participants.create({
    name: 'Amara Okafor',
    consent: { keepNotes: true, shareActions: options.shareActions ?? 'named', aiProcessing: false },
  });
  return {
    db,
    repos,
    clock,
    receiver,
    engine,
    webhook,
    participant,
    async addActions(count: number, participantId = participant.id) {
      return repos.actions.addMany(
        Array.from({ length: count }, (_, index) => ({
          participantId,
          text: `Action ${index + 1}`,
          owner: 'Amara Okafor',
        })),
      );
    },
    outboxStates: async () => {
      const entries = await db.outbox.toArray();
      return {
        pending: entries.filter((e) => e.state === 'pending'),
        parked: entries.filter((e) => e.state === 'parked'),
        held: entries.filter((e) => e.state === 'held'),
      };
    },
    async close() {
      await receiver.close();
      await db.delete();
    },
  };
}

export type SyncHarness = Awaited<ReturnType<typeof syncHarness>>;

/** Sets up a harness per test, closed after it: call once at the top of a test file. */
export function harnessPerTest(): (options?: HarnessOptions) => Promise<SyncHarness> {
  let current: SyncHarness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options = {}) => (current = await syncHarness(options));
}

/** Faults for the first requests, then none. */
export const firstRequests =
  (...faults: Fault[]) =>
  (n: number) =>
    faults[n] ?? 'none';

/** The connector with `around` wrapped about every request it sends, however the engine prepares them. */
export function aroundEachSend(
  connector: SyncConnector,
  around: (send: () => Promise<PushOutcome>) => Promise<PushOutcome>,
): SyncConnector {
  const prepare: SyncConnector['prepare'] = async (events) => {
    const prepared = await connector.prepare(events);
    return { send: () => around(() => prepared.send()) };
  };
  return { ...connector, prepare, push: async (events) => (await prepare(events)).send() };
}

/**
 * A connector wrapper that commits a change while a request is in flight: `next(change)` makes the
 * next answer reach the engine only once `change` is done.
 */
export function changeDuringNextRequest() {
  let change: (() => Promise<unknown>) | null = null;
  return {
    wrap: (connector: SyncConnector) =>
      aroundEachSend(connector, async (send) => {
        const outcome = await send();
        await change?.();
        change = null;
        return outcome;
      }),
    next(made: () => Promise<unknown>) {
      change = made;
    },
  };
}
