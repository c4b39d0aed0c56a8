// The token CLI against a real database: create coach and manager tokens, list them, revoke one,
// and refuse to open an embedded database another hub process holds.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../server/cli';
import type { HubConfig } from '../../../server/config';
import { openDatabase } from '../../../server/db/open';
import { authenticate } from '../../../server/auth/tokens';
import { engineUnderTest, freshDatabase, testLimits, type FreshDatabase } from './hub-fixture';

let fresh: FreshDatabase | null = null;
afterEach(() => fresh?.dispose());

async function cli(config: HubConfig, ...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, config, { out: (line) => lines.push(line) });
  return { code, output: lines.join('\n') };
}

async function setup(): Promise<HubConfig> {
  fresh = await freshDatabase();
  return { host: '127.0.0.1', port: 0, database: fresh.target, limits: testLimits, trustProxy: false };
}

async function holder(config: HubConfig, token: string) {
  const db = await openDatabase(config.database);
  try {
    return await authenticate(db, token);
  } finally {
    await db.close();
  }
}

describe(`the token CLI on ${engineUnderTest}`, () => {
  it('creates coach and manager tokens, lists them and revokes one', { timeout: 60_000 }, async () => {
    const config = await setup();
    const coach = await cli(
      config,
      'token',
      'create',
      '--org',
      'Acme',
      '--coach',
      'Dana Smith',
      '--label',
      "Dana's laptop",
    );
    expect(coach.code).toBe(0);
    const coachToken = /fth_[A-Za-z0-9_-]{43}/.exec(coach.output)![0];
    const coachId = /\(id ([0-9a-f-]{36})\)/.exec(coach.output)![1];
    const manager = await cli(config, 'token', 'create', '--org', 'Acme', '--manager');
    expect(manager.code).toBe(0);
    const managerToken = /fth_[A-Za-z0-9_-]{43}/.exec(manager.output)![0];

    expect(await holder(config, coachToken)).toMatchObject({
      role: 'coach',
      coachName: 'Dana Smith',
      label: "Dana's laptop",
    });
    expect(await holder(config, managerToken)).toMatchObject({
      role: 'manager',
      organisationName: 'Acme',
      label: 'Program manager',
    });

    const listed = await cli(config, 'token', 'list');
    expect(listed.output).toContain(`${coachId}  coach    Acme / Dana Smith  "Dana's laptop"  active`);
    expect(listed.output).toContain('manager  Acme / (all coaches)  "Program manager"  active');
    expect(listed.output).not.toContain('fth_');

    expect((await cli(config, 'token', 'revoke', coachId)).output).toBe(`Revoked token ${coachId}.`);
    expect(await holder(config, coachToken)).toBeNull();
    expect((await cli(config, 'token', 'list')).output).toMatch(new RegExp(`${coachId} .* revoked \\d{4}-`));
    expect(await cli(config, 'token', 'revoke', coachId)).toEqual({
      code: 1,
      output: `No active token with id ${coachId}.`,
    });
  });

  it('explains what is missing instead of guessing', { timeout: 60_000 }, async () => {
    const config = await setup();
    const neither = await cli(config, 'token', 'create', '--org', 'Acme');
    expect(neither.code).toBe(2);
    expect(neither.output).toMatch(/^Give either --coach <name> or --manager/);
    expect((await cli(config, 'tokens')).output).toMatch(/^Usage:/);
    expect((await cli(config, 'token', 'revoke', 'not-an-id')).code).toBe(2);
  });

  it.runIf(engineUnderTest === 'PGlite')(
    'refuses an embedded database that a running hub holds',
    { timeout: 60_000 },
    async () => {
      const config = await setup();
      if (config.database.engine !== 'pglite') return;
      // The parent process stands in for a running hub: alive, and not this process.
      await writeFile(join(config.database.dataDir, 'hub.lock'), String(process.ppid));
      await expect(cli(config, 'token', 'list')).rejects.toThrow(`Another hub process (pid ${process.ppid}) is using`);
    },
  );
});
