// `npm run demo [-- --size small|medium|large]`: serves the built app on 127.0.0.1 and prints an
// address that fills a fresh browser profile with generated coaching data (?demo=medium), so a new
// user can look around. It uses its own port, so the demo data lives apart from the database of
// `npm run web` (IndexedDB belongs to one origin, port included).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { datasetSizes, type DatasetSize } from '../shared/demo-dataset';
import { createLogger } from '../shared/logger';
import { startStaticServer } from './static-server';

const log = createLogger('demo');
const DEFAULT_DEMO_PORT = 5181;

const { values } = parseArgs({ options: { size: { type: 'string', default: 'medium' } } });
const size = z.enum(Object.keys(datasetSizes) as [DatasetSize, ...DatasetSize[]]).safeParse(values.size);
if (!size.success) {
  log.error(`--size must be small, medium or large, not "${values.size}"`);
  process.exit(2);
}

const port = Number(process.env.PORT ?? DEFAULT_DEMO_PORT);
const { url } = await startStaticServer(undefined, port).catch((error: NodeJS.ErrnoException) => {
  log.error(
    error.code === 'EADDRINUSE'
      ? `port ${port} is taken; run with PORT=<another port> npm run demo`
      : `could not start the demo server: ${error.message}`,
  );
  process.exit(1);
});
const { participants, sessions, actions, contracts } = datasetSizes[size.data];
log.info(
  `Followthrough demo: open ${url}?demo=${size.data}  (Ctrl+C to stop)\n` +
    `  A fresh profile gets ${participants} participants, ${sessions.toLocaleString('en')} sessions, ` +
    `${actions.toLocaleString('en')} actions and ${contracts} contracts; a profile that already holds data is left as it is.`,
);
