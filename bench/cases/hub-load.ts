// The hub under load, loopback only: 50 simulated coaches push 1,000 actions each at once, in
// batches of 100 as the hub connector sends them, then replay one batch each (a lost
// acknowledgement). Ours is the real hub on a fresh database; the baseline is the framework's
// floor, the same requests to a Fastify route that answers without parsing or storing. Run for
// PGlite always, and for PostgreSQL when DATABASE_URL is set (scripts/with-postgres.sh npm run bench).
// Every run checks that no action was lost or duplicated; the case fails otherwise.
import { buildHub } from '../../server/app';
import { issueToken } from '../../server/auth/tokens';
import { openDatabase } from '../../server/db/open';
import { freshDatabase } from '../../test/support/hub-databases';
import { auditLoad, pushLoad, startNoopHub, type LoadPlan, type LoadResult } from '../../test/support/hub-load';
import { measureSides } from '../sampling';
import type { BenchCase, BenchMode } from '../types';

const BODY_LIMIT = 2 * 1024 * 1024;
const limits = { bodyLimitBytes: BODY_LIMIT, rateLimitPerMinute: 1_000_000 };

/** A full load is long on two cores: at most this many measured runs, after one warm-up. */
const MAX_RUNS = 3;

async function loadOnHub(engine: 'pglite' | 'postgres', plan: LoadPlan): Promise<LoadResult> {
  const fresh = await freshDatabase(engine);
  const db = await openDatabase(fresh.target);
  const app = await buildHub({ db, limits });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const tokens = [];
    for (let index = 0; index < plan.coaches; index++) {
      tokens.push(
        (await issueToken(db, { organisation: 'Load', coach: `Coach ${index + 1}`, label: 'bench' }, Date.now())).token,
      );
    }
    const result = await pushLoad(url, tokens, plan);
    const audit = await auditLoad(db, [...result.pushed.values()].flat());
    if (result.failures.length > 0 || audit.lost > 0 || audit.duplicated > 0) {
      throw new Error(
        `load on ${engine}: ${audit.lost} lost, ${audit.duplicated} duplicated; ${result.failures[0] ?? ''}`,
      );
    }
    return result;
  } finally {
    await app.close();
    await db.close();
    await fresh.dispose();
  }
}

async function loadOnFloor(plan: LoadPlan): Promise<LoadResult> {
  const floor = await startNoopHub(BODY_LIMIT);
  try {
    return await pushLoad(
      floor.url,
      Array.from({ length: plan.coaches }, (_, index) => `floor-${index}`),
      plan,
    );
  } finally {
    await floor.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function hubLoadCase(engine: 'pglite' | 'postgres', label: string): BenchCase {
  return {
    name: `hub-load-${engine}`,
    async measure(mode: BenchMode) {
      const plan: LoadPlan = mode.smoke
        ? { coaches: 5, actionsPerCoach: 40, batchSize: 20 }
        : { coaches: 50, actionsPerCoach: 1_000, batchSize: 100 };
      const runs: Record<'ours' | 'baseline', LoadResult[]> = { ours: [], baseline: [] };
      const keep = (side: 'ours' | 'baseline') => (result: LoadResult) => {
        runs[side].push(result);
        return result.wallMs;
      };
      const samples = await measureSides(
        { ...mode, runs: Math.min(mode.runs, MAX_RUNS) },
        {
          ours: () => loadOnHub(engine, plan).then(keep('ours')),
          baseline: () => loadOnFloor(plan).then(keep('baseline')),
        },
      );
      // The warm-up's results are not samples.
      const measured = (side: 'ours' | 'baseline') => runs[side].slice(runs[side].length - samples[side].length);
      const ours = measured('ours');
      const floor = measured('baseline');
      const throughput = median(ours.map((run) => run.actionsPerSecond));
      const p95 = median(ours.map((run) => run.p95Ms));
      const floorThroughput = median(floor.map((run) => run.actionsPerSecond));
      const floorP95 = median(floor.map((run) => run.p95Ms));
      const total = plan.coaches * plan.actionsPerCoach;
      return {
        ...samples,
        notes:
          `${label}: ${plan.coaches} coaches × ${plan.actionsPerCoach} actions (${total}) in batches of ${plan.batchSize}, ` +
          `${throughput.toFixed(0)} actions/s, p95 request ${p95.toFixed(0)} ms; ` +
          `floor ${floorThroughput.toFixed(0)} actions/s, p95 ${floorP95.toFixed(0)} ms; 0 lost, 0 duplicated`,
        extra: {
          actions: total,
          actions_per_s: Math.round(throughput),
          p95_request_ms: Math.round(p95),
          floor_actions_per_s: Math.round(floorThroughput),
          floor_p95_request_ms: Math.round(floorP95),
          lost: 0,
          duplicated: 0,
        },
      };
    },
  };
}

export const cases: BenchCase[] = [
  hubLoadCase('pglite', 'PGlite'),
  ...(process.env.DATABASE_URL ? [hubLoadCase('postgres', 'PostgreSQL')] : []),
];
