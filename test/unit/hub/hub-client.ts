// One coach device for the two-client tests: its own fake-indexeddb database, repositories and
// sync engine, reaching a real hub through the hub connector and the web platform's httpRequest
// (Node's fetch here, as the browser's fetch in the web app).
import { openTestDatabase, testClock } from '../db/test-database';
import { createSyncEngine } from '../../../renderer/sync/engine';
import type { SyncRunReport } from '../../../renderer/sync/outcomes';
import { createHubConnector } from '../../../renderer/sync/connectors/hub';
import { createHubApplier } from '../../../renderer/sync/connectors/hub-apply';
import { createTransport } from '../../../renderer/sync/transport';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import { readPullCursor } from '../../../renderer/sync/settings';
import { createWebPlatform } from '../../../renderer/platform/web';
import { ok } from '../../../shared/result';
import type { Action, Participant } from '../../../shared/model';

type DeviceOptions = { hubUrl: string; token: string; batchSize?: number; start?: number };

export function coachDevice({ hubUrl, token, batchSize, start }: DeviceOptions) {
  const clock = testClock(start);
  const { db, repos } = openTestDatabase(clock);
  let online = true;
  const connector = createHubConnector({
    url: hubUrl,
    token,
    transport: createTransport(createWebPlatform().httpRequest),
    backoff: defaultBackoffPolicy,
    now: clock,
    readCursor: () => readPullCursor(db, 'hub'),
    timeoutMs: 30_000,
    batchSize,
  });
  const engine = createSyncEngine({
    db,
    now: clock,
    connector: async () => ok(connector),
    isOnline: async () => online,
    yieldToUi: async () => undefined,
    applyPulled: createHubApplier(db, clock),
  });

  return {
    db,
    repos,
    clock,
    connector,
    setOnline(value: boolean) {
      online = value;
    },
    /** One sync run, as "Sync now" starts it. */
    sync: (): Promise<SyncRunReport> => engine.run('manual'),
    /** A participant this device knows, e.g. restored from the coach's backup on a second laptop. */
    async adopt(participant: Participant) {
      await db.participants.put(participant);
    },
    async actions(): Promise<Action[]> {
      return (await db.actions.toArray()).sort((a, b) => a.id.localeCompare(b.id));
    },
    async notes(actionId: string) {
      return db.actionNotes.where('actionId').equals(actionId).sortBy('at');
    },
    outboxSize: () => db.outbox.count(),
    close: () => db.delete(),
  };
}

export type CoachDevice = ReturnType<typeof coachDevice>;

/** What two devices must agree on about an action once both have synced: all but where it sits locally. */
export function syncedView(action: Action) {
  const {
    participantId: _participant,
    sessionId: _session,
    createdAt: _created,
    updatedAt: _updated,
    ...shared
  } = action;
  return shared;
}
