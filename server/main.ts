// `npm run hub`: starts the Followthrough hub with the embedded database (or DATABASE_URL) and
// prints its address, plus a first coach token and program manager token on a new database.
import { issueFirstTokens } from './bootstrap';
import { describeTarget, readConfig } from './config';
import { startHub } from './start-hub';
import { createLogger } from '../shared/logger';
import { errorMessage } from '../shared/result';

const log = createLogger('hub');
const print = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = readConfig();
  const hub = await startHub(config);
  print(`Followthrough hub listening on ${hub.url} (${describeTarget(config.database)})`);
  print(`Program manager page: ${hub.url}/manager/`);
  const first = await issueFirstTokens(hub.db, Date.now());
  if (first) {
    print();
    print('First tokens (shown once; stored only as hashes):');
    print(`  Coach "First coach":  ${first.coach}`);
    print('    paste it with the hub address in Followthrough → Sync → Sync settings → Followthrough hub');
    print(`  Program manager:      ${first.manager}`);
    print('    paste it on the program manager page');
  }
  print();
  print(
    'More tokens: npx tsx server/cli.ts token create --org "My organisation" --coach "Name" (stop the hub first when it uses the embedded database)',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  log.error(errorMessage(error));
  process.exit(1);
});
