// `npm run bench [-- --smoke] [-- --case <text>] [-- --runs <n>]`: runs every case in bench/cases,
// prints a table of medians, ratios and p95, and writes bench/results/latest.json. A smoke run
// writes smoke.json and a --case run partial.json, so neither replaces the numbers of a full run.
import { parseArgs } from 'node:util';
import { createLogger } from '../shared/logger';
import { formatTable, writeResults } from './report';
import { DEFAULT_RUNS, runBenchmarks } from './runner';

const log = createLogger('bench');

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    case: { type: 'string' },
    runs: { type: 'string', default: String(DEFAULT_RUNS) },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  log.error(`--runs needs a whole number of at least 1, not "${values.runs}"`);
  process.exit(2);
}

const started = performance.now();
const { results, failures } = await runBenchmarks({
  smoke: values.smoke,
  caseFilter: values.case,
  runs,
  onProgress: (message) => log.info(message),
});
process.stdout.write(`\n${formatTable(results)}\n\n`);
const path = await writeResults(values.smoke ? 'smoke' : values.case ? 'partial' : 'latest', results);
log.info(`wrote ${path} in ${((performance.now() - started) / 1000).toFixed(0)} s total`);
for (const failure of failures) log.error(`FAILED ${failure.name}: ${failure.error}`);
// Browsers or servers a failed case left behind must not keep the process alive.
process.exit(failures.length > 0 ? 1 : 0);
