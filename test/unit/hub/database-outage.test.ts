// The hub outlives its database going away: on PostgreSQL (scripts/with-postgres.sh) its backends
// are terminated and the server is stopped and started again while coaches keep pushing; the hub
// process must stay up, answer /health 503 and requests 500 meanwhile, and serve again by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connectPgClient } from '../../../server/db/pg-connections';
import { freshDatabase, type FreshDatabase } from '../../support/hub-databases';
import { startHubProcess, type HubProcess } from '../../support/hub-process';
import { actionEvent, pushBody, wireAction } from '../../support/hub-wire-events';
import { until as untilAt } from '../../support/until';
import { call, startTestHub } from './hub-fixture';

const pgCtl = process.env.WITH_POSTGRES_PG_CTL?.split(' ');

async function runPgCtl(...args: string[]): Promise<void> {
  const [command, ...rest] = pgCtl!;
  await promisify(execFile)(command, [...rest, ...args]);
}

type Answer = number | 'no answer';

/** Coaches pushing one action at a time and a monitor asking /health, until stopped. */
function startLoad(hub: HubProcess) {
  const answers: { path: string; status: Answer; code?: string }[] = [];
  let running = true;
  const ask = async (path: string, init: RequestInit = {}) => {
    try {
      const response = await fetch(`${hub.url}${path}`, init);
      const body = (await response.json()) as { error?: { code: string } };
      answers.push({ path, status: response.status, code: body.error?.code });
    } catch {
      answers.push({ path, status: 'no answer' });
    }
  };
  const push = () =>
    ask('/v1/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.coachToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(pushBody([actionEvent(wireAction())])),
    });
  const loop = async (request: () => Promise<void>) => {
    while (running) await request();
  };
  const loops = [loop(push), loop(push), loop(() => ask('/health'))];
  return {
    answers,
    since: (index: number) => answers.slice(index),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe.runIf(pgCtl)('the hub on PostgreSQL when the database goes away', () => {
  let database: FreshDatabase;
  let hub: HubProcess;

  /** Waits for `condition`, failing at once with the hub's log if its process has ended. */
  const until = (condition: () => boolean, what: string, timeoutMs?: number) =>
    untilAt(
      () => {
        if (hub.exited()) throw new Error(`The hub process ended while waiting for ${what}:\n${hub.log()}`);
        return condition();
      },
      what,
      timeoutMs,
    );

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    if (database.target.engine !== 'postgres') throw new Error('expected PostgreSQL');
    hub = await startHubProcess({ DATABASE_URL: database.target.url });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
    await database?.dispose();
  });

  const hubUrl = () => (database.target.engine === 'postgres' ? database.target.url : '');
  const lastHealth = (load: ReturnType<typeof startLoad>) =>
    load.answers.findLast((answer) => answer.path === '/health')?.status;

  it('survives its connections being terminated, and serves on', async () => {
    const load = startLoad(hub);
    await until(() => load.answers.filter((answer) => answer.status === 200).length >= 20, 'pushes to land');
    const admin = await connectPgClient(process.env.DATABASE_URL!);
    try {
      const hubDatabase = new URL(hubUrl()).pathname.slice(1);
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [hubDatabase],
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    const afterTerminate = load.answers.length;
    await until(
      () => load.since(afterTerminate).filter((answer) => answer.status === 200).length >= 20,
      'pushes after',
    );
    await load.stop();
    expect(hub.exited()).toBe(false);
    // A health check that meets a terminated connection rightly says 503; everything else is 200 or 500.
    const unexpected = load.answers.filter(({ path, status }) =>
      path === '/health' ? status !== 200 && status !== 503 : status !== 200 && status !== 500,
    );
    expect(unexpected).toEqual([]);
  }, 60_000);

  it('answers 503 on /health and 500 to requests while the server is stopped, then serves again', async () => {
    const load = startLoad(hub);
    await until(() => load.answers.filter((answer) => answer.status === 200).length >= 20, 'pushes to land');
    await runPgCtl('stop', '-m', 'fast');
    let whileDown: typeof load.answers;
    try {
      const stoppedAt = load.answers.length;
      await until(() => lastHealth(load) === 503, '/health to answer 503');
      await until(
        () => load.since(stoppedAt).filter((answer) => answer.path === '/v1/push' && answer.status === 500).length >= 5,
        'pushes to be refused',
      );
      whileDown = load.since(stoppedAt);
      expect(hub.exited()).toBe(false);
    } finally {
      await runPgCtl('start');
    }
    const startedAt = load.answers.length;
    await until(() => lastHealth(load) === 200, '/health to answer 200 again', 30_000);
    await until(
      () => load.since(startedAt).filter((answer) => answer.path === '/v1/push' && answer.status === 200).length >= 5,
      'pushes to land again',
      30_000,
    );
    await load.stop();
    expect(hub.exited()).toBe(false);
    expect(whileDown.filter((answer) => answer.status === 'no answer')).toEqual([]);
    const refusedPushes = whileDown.filter((answer) => answer.path === '/v1/push' && answer.status !== 200);
    expect(new Set(refusedPushes.map((answer) => `${answer.status} ${answer.code}`))).toEqual(
      new Set(['500 internal']),
    );
  }, 90_000);
});

// The embedded database has no connection to lose: it runs inside the hub's process. What can fail
// is the database itself (its WebAssembly instance ended); the hub must then say so, not die.
describe.runIf(!process.env.DATABASE_URL)('the hub on PGlite when its database fails', () => {
  it('answers 503 on /health and 500 to requests, and keeps running', async () => {
    const hub = await startTestHub();
    try {
      const coach = await hub.coachToken('Acme', 'Dana Smith');
      expect((await call(hub, coach, '/v1/push', { body: pushBody([actionEvent(wireAction())]) })).status).toBe(200);
      await hub.db.close();
      expect((await call(hub, null, '/health')).status).toBe(503);
      const refused = await call<{ error: { code: string } }>(hub, coach, '/v1/push', {
        body: pushBody([actionEvent(wireAction())]),
      });
      expect([refused.status, refused.body.error.code]).toEqual([500, 'internal']);
    } finally {
      await hub.app.close();
    }
  }, 60_000);
});
