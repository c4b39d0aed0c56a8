// The hub's token commands. Run with the same environment as the hub (DATABASE_URL or
// HUB_DATA_DIR); with the embedded database, stop the hub first.
//   npx tsx server/cli.ts token create --org "Acme" --coach "Dana Smith" [--label "Dana's laptop"]
//   npx tsx server/cli.ts token create --org "Acme" --manager [--label "Pat Lee"]
//   npx tsx server/cli.ts token list
//   npx tsx server/cli.ts token revoke <token id>
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { issueToken, listTokens, revokeToken } from './auth/tokens';
import { readConfig, type HubConfig } from './config';
import { lockDataDir } from './db/data-dir-lock';
import { openDatabase } from './db/open';
import type { SqlDatabase } from './db/sql';
import { errorMessage } from '../shared/result';

const usage = `Usage:
  tsx server/cli.ts token create --org <organisation> --coach <coach name> [--label <text>]
  tsx server/cli.ts token create --org <organisation> --manager [--label <text>]
  tsx server/cli.ts token list
  tsx server/cli.ts token revoke <token id>`;

const name = z.string().trim().min(1).max(200);
const createSchema = z
  .object({ org: name, coach: name.optional(), manager: z.boolean().optional(), label: name.optional() })
  .refine((value) => Boolean(value.coach) !== Boolean(value.manager), 'Give either --coach <name> or --manager');

type CliOutput = { out: (line: string) => void };

async function withDatabase<T>(config: HubConfig, work: (db: SqlDatabase) => Promise<T>): Promise<T> {
  const unlock =
    config.database.engine === 'pglite' ? await lockDataDir(config.database.dataDir) : async () => undefined;
  try {
    const db = await openDatabase(config.database);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  } finally {
    await unlock();
  }
}

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], config: HubConfig, { out }: CliOutput, now = Date.now): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      coach: { type: 'string' },
      manager: { type: 'boolean' },
      label: { type: 'string' },
    },
  });
  const [group, command, argument] = positionals;
  if (group !== 'token') {
    out(usage);
    return 2;
  }
  if (command === 'create') {
    const parsed = createSchema.safeParse(values);
    if (!parsed.success) {
      out(`${parsed.error.issues.map((issue) => issue.message).join('; ')}\n${usage}`);
      return 2;
    }
    const { org, coach, label } = parsed.data;
    const issued = await withDatabase(config, (db) =>
      db.transaction((tx) =>
        issueToken(tx, { organisation: org, coach, label: label ?? coach ?? 'Program manager' }, now()),
      ),
    );
    out(`Created a ${issued.role} token (id ${issued.id}) for ${coach ? `${coach}, ` : ''}${org}:`);
    out(issued.token);
    out('It is shown this once; the hub keeps only its hash.');
    return 0;
  }
  if (command === 'list') {
    const tokens = await withDatabase(config, listTokens);
    for (const token of tokens) {
      const state = token.revoked_at ? `revoked ${new Date(token.revoked_at).toISOString()}` : 'active';
      out(
        `${token.id}  ${token.role.padEnd(7)}  ${token.organisation} / ${token.coach ?? '(all coaches)'}  "${token.label}"  ${state}`,
      );
    }
    if (tokens.length === 0) out('No tokens yet.');
    return 0;
  }
  if (command === 'revoke' && z.uuid().safeParse(argument).success) {
    const revoked = await withDatabase(config, (db) => revokeToken(db, argument, now()));
    out(revoked ? `Revoked token ${argument}.` : `No active token with id ${argument}.`);
    return revoked ? 0 : 1;
  }
  out(usage);
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runCli(process.argv.slice(2), readConfig(), { out: (line) => process.stdout.write(`${line}\n`) })
    .then((code) => process.exit(code))
    .catch((error) => {
      process.stderr.write(`${errorMessage(error)}\n`);
      process.exit(1);
    });
}
