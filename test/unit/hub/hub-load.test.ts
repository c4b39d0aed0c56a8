// A bounded load on a real hub over loopback: many coaches pushing at once, each replaying one
// batch as after a lost acknowledgement; nothing lost, nothing duplicated. The full size (50
// coaches × 1,000 actions, both engines, with the framework's floor beside it) is
// bench/cases/hub-load.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../shared/logger';
import { auditLoad, pushLoad } from '../../support/hub-load';
import { engineUnderTest, startTestHub, type TestHub } from './hub-fixture';

const log = createLogger('hub-load');
const plan = { coaches: 10, actionsPerCoach: 100, batchSize: 25 };

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
}, 60_000);
afterAll(() => hub?.close());

describe(`load on the hub on ${engineUnderTest}`, () => {
  it(`takes ${plan.coaches} coaches × ${plan.actionsPerCoach} actions at once with none lost or duplicated`, async () => {
    const tokens = await Promise.all(
      Array.from({ length: plan.coaches }, (_, index) => hub.coachToken('Load', `Coach ${index + 1}`)),
    );
    const result = await pushLoad(hub.url, tokens, plan);
    expect(result.failures).toEqual([]);
    const pushed = [...result.pushed.values()].flat();
    const audit = await auditLoad(hub.db, pushed);
    expect(audit).toEqual({ lost: 0, duplicated: 0, held: plan.coaches * plan.actionsPerCoach });
    const perCoach = await hub.db.query<{ count: number }>(
      'SELECT count(*)::bigint AS count FROM actions GROUP BY coach_id',
    );
    expect(perCoach.map((row) => row.count)).toEqual(Array(plan.coaches).fill(plan.actionsPerCoach));
    log.info(
      `${engineUnderTest}: ${pushed.length} actions in ${result.wallMs.toFixed(0)} ms, ` +
        `${result.actionsPerSecond.toFixed(0)} actions/s, p95 request ${result.p95Ms.toFixed(1)} ms; lost ${audit.lost}, duplicated ${audit.duplicated}`,
    );
  });
});
