// A revoked coach token sets the change aside with a refused connection; once the coach pastes a
// new token and saves Sync settings, that change goes to the hub like any other, without Retry:
// the refusal was about the connection, which the coach has fixed, not about the change. A real
// hub on 127.0.0.1; the connector is built from the stored token at each run, as in the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, revokeToken } from '../../../server/auth/tokens';
import { hubActionListSchema } from '../../../shared/hub-protocol';
import { ok } from '../../../shared/result';
import type { SyncTrigger } from '../../../shared/model';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import { createHubConnector } from '../../../renderer/sync/connectors/hub';
import { createHubApplier } from '../../../renderer/sync/connectors/hub-apply';
import { createSyncEngine } from '../../../renderer/sync/engine';
import { readPullCursor, readSyncSettings, writeSyncSettings } from '../../../renderer/sync/settings';
import { createTransport } from '../../../renderer/sync/transport';
import { createWebPlatform } from '../../../renderer/platform/web';
import { openTestDatabase, testClock, sharesWithName } from '../db/test-database';
import { call, startTestHub, type TestHub } from './hub-fixture';

let hub: TestHub;
let managerToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  managerToken = await hub.managerToken('Riverside');
}, 60_000);

afterAll(() => hub?.close());

const issue = async (label: string) =>
  hub.db.transaction((tx) => issueToken(tx, { organisation: 'Riverside', coach: 'Lena Park', label }, Date.now()));

/** A device whose connector, as in the app, is made at each run from the token saved then. */
async function device(token: string) {
  const clock = testClock();
  const { db, repos } = openTestDatabase(clock);
  const saved = { token };
  const engine = createSyncEngine({
    db,
    now: clock,
    connector: async () =>
      ok(
        createHubConnector({
          url: hub.url,
          token: saved.token,
          transport: createTransport(createWebPlatform().httpRequest),
          backoff: defaultBackoffPolicy,
          now: clock,
          readCursor: () => readPullCursor(db, 'hub'),
          timeoutMs: 30_000,
        }),
      ),
    isOnline: async () => true,
    yieldToUi: async () => undefined,
    applyPulled: createHubApplier(db, clock),
  });
  await writeSyncSettings(db, { ...(await readSyncSettings(db)), connector: { kind: 'hub', url: hub.url } });
  return {
    db,
    repos,
    engine,
    /** What Sync settings do when the coach pastes a token and saves. */
    async saveToken(newToken: string) {
      saved.token = newToken;
      await writeSyncSettings(db, await readSyncSettings(db));
    },
  };
}

async function statusOnHub(actionId: string) {
  const list = hubActionListSchema.parse((await call(hub, managerToken, '/v1/actions?limit=1000')).body);
  return list.actions.find((action) => action.id === actionId)?.status;
}

describe('a coach token replaced after the hub refused the old one', () => {
  it.each<SyncTrigger>(['manual', 'schedule'])(
    'sends the change the refusal set aside at the next %s run',
    async (trigger) => {
      const revoked = await issue(`laptop before ${trigger}`);
      const laptop = await device(revoked.token);
      const participant = await laptop.repos.participants.create({ name: 'Ravi Menon', consent: sharesWithName });
      const action = await laptop.repos.actions.add({ participantId: participant.id, text: 'Delegate the Q3 plan' });
      expect((await laptop.engine.run('manual')).outcome).toBe('sent');

      await hub.db.transaction((tx) => revokeToken(tx, revoked.id, Date.now()));
      await laptop.repos.actions.setStatusMany([action.id], 'done');
      expect(await laptop.engine.run('manual')).toMatchObject({ outcome: 'rejected' });
      expect(await laptop.db.outbox.where('state').equals('parked').count()).toBe(1);

      await laptop.saveToken((await issue(`laptop after ${trigger}`)).token);
      const report = await laptop.engine.run(trigger);

      expect(report.outcome).toBe('sent');
      expect(report.run?.sentActions).toBe(1);
      expect(await laptop.db.outbox.count()).toBe(0);
      expect(await statusOnHub(action.id)).toBe('done');
    },
    30_000,
  );

  it('keeps a change refused for its content set aside after the settings are saved', async () => {
    const token = await issue('laptop content');
    const laptop = await device(token.token);
    const participant = await laptop.repos.participants.create({ name: 'Ines Duarte', consent: sharesWithName });
    await laptop.repos.actions.add({ participantId: participant.id, text: 'Write the hiring plan' });
    const [entry] = await laptop.db.outbox.toArray();
    await laptop.db.outbox.update(entry.seq!, { state: 'parked', lastError: 'Refused by the upstream. Too long' });

    await laptop.saveToken(token.token);
    await laptop.engine.run('schedule');

    expect(await laptop.db.outbox.where('state').equals('parked').count()).toBe(1);
  });
});
