// Load on a hub from simulated coaches, loopback only and bounded: each coach pushes its actions
// in batches, all coaches at once; then one batch per coach is replayed, as after a lost
// acknowledgement. Used by the load test (small) and bench/cases/hub-load.ts (50 × 1,000).
import Fastify from 'fastify';
import type { SqlExecutor } from '../../server/db/sql';
import { actionEvent, pushBody, wireAction } from './hub-wire-events';

export type LoadPlan = { coaches: number; actionsPerCoach: number; batchSize: number };

export type LoadResult = {
  wallMs: number;
  /** Milliseconds of each push request, replays included. */
  latencies: number[];
  /** The action ids each coach pushed, by the coach's token. */
  pushed: Map<string, string[]>;
  actionsPerSecond: number;
  p95Ms: number;
  /** Answers that were not 200, or a replay the hub did not recognise as one. */
  failures: string[];
};

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

/** The batches of one coach, as request bodies, with the ids they carry. */
function coachBatches(plan: LoadPlan, coachIndex: number): { bodies: string[]; ids: string[] } {
  const bodies: string[] = [];
  const ids: string[] = [];
  for (let start = 0; start < plan.actionsPerCoach; start += plan.batchSize) {
    const events = Array.from({ length: Math.min(plan.batchSize, plan.actionsPerCoach - start) }, (_, offset) => {
      const action = wireAction({ text: `Coach ${coachIndex + 1}, action ${start + offset + 1}` });
      ids.push(action.id);
      return actionEvent(action);
    });
    bodies.push(JSON.stringify(pushBody(events)));
  }
  return { bodies, ids };
}

/** Pushes the plan's actions from `tokens.length` coaches at once to `url` (a hub, or the baseline). */
export async function pushLoad(url: string, tokens: string[], plan: LoadPlan): Promise<LoadResult> {
  const prepared = tokens.map((_, index) => coachBatches(plan, index));
  const latencies: number[] = [];
  const failures: string[] = [];

  async function send(token: string, body: string): Promise<unknown> {
    const started = performance.now();
    const response = await fetch(`${url}/v1/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    const answer = await response.json();
    latencies.push(performance.now() - started);
    if (response.status !== 200) failures.push(`HTTP ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`);
    return answer;
  }

  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, index) => {
      for (const body of prepared[index].bodies) await send(token, body);
      const replay = (await send(token, prepared[index].bodies[0])) as { results?: { outcome: string }[] };
      if (replay.results && replay.results.some((result) => result.outcome !== 'duplicate')) {
        failures.push('A replayed batch was applied again');
      }
    }),
  );
  const wallMs = performance.now() - started;
  return {
    wallMs,
    latencies,
    pushed: new Map(tokens.map((token, index) => [token, prepared[index].ids])),
    actionsPerSecond: (tokens.length * plan.actionsPerCoach) / (wallMs / 1000),
    p95Ms: percentile(latencies, 0.95),
    failures,
  };
}

/** What the hub holds against what was pushed: actions missing, and rows beyond one per pushed id. */
export async function auditLoad(
  db: SqlExecutor,
  pushed: string[],
): Promise<{ lost: number; duplicated: number; held: number }> {
  const [row] = await db.query<{ rows: number; ids: number; matched: number }>(
    `SELECT count(*)::bigint AS rows, count(DISTINCT id)::bigint AS ids,
            count(*) FILTER (WHERE id = ANY($1::uuid[]))::bigint AS matched
       FROM actions`,
    [pushed],
  );
  return {
    lost: pushed.length - row.matched,
    duplicated: row.rows - row.ids + (row.rows - row.matched),
    held: row.rows,
  };
}

/** The framework's floor: the same route, answering every push without parsing or storing it. */
export async function startNoopHub(bodyLimitBytes: number) {
  const app = Fastify({ bodyLimit: bodyLimitBytes, logger: false });
  app.post('/v1/push', async () => ({ results: [] }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
