// The pull of a two-way connector after the push, what the run says of it, and a run with no
// connector set up.
// Each against a real HTTP receiver on 127.0.0.1 that injects faults (see ./harness.ts).
import { describe, expect, it } from 'vitest';
import { harnessPerTest } from './harness';
import type { SyncConnector } from '../../../renderer/sync/connectors/connector';
import { fail } from '../../../shared/result';
import { runMessage } from '../../../renderer/sync/wording';

const setup = harnessPerTest();

describe('the sync engine: pull', () => {
  it('pulls from a two-way connector after pushing, and moves the cursor only after the changes are applied', async () => {
    const applied: unknown[][] = [];
    const cursorsAsked: (string | null)[] = [];
    let failApply = true;
    const h = await setup({
      engine: {
        applyPulled: async (changes) => {
          if (failApply) throw new Error('disk full');
          applied.push(changes);
        },
      },
      wrap: (webhook): SyncConnector => ({
        ...webhook,
        kind: 'hub',
        pull: async (cursor) => {
          cursorsAsked.push(cursor);
          return { ok: true, cursor: `c${cursorsAsked.length}`, changes: [] };
        },
      }),
    });
    expect(await h.engine.run('manual')).toEqual({
      outcome: 'failed',
      stop: { type: 'failed', error: 'disk full' },
      run: null,
      nextDueAt: null,
    });
    failApply = false;
    await h.engine.run('manual');
    await h.engine.run('manual');
    expect(cursorsAsked).toEqual([null, null, 'c2']);
    expect(applied).toHaveLength(2);
  });

  it('says in the run what the upstream sent back and what of it could not be kept here', async () => {
    const pulledBack = { changed: 2, notKept: ['the action "Plan": text: Too big', 'a note'] };
    const h = await setup({
      engine: { applyPulled: async () => pulledBack },
      wrap: (webhook): SyncConnector => ({
        ...webhook,
        kind: 'hub',
        pull: async () => ({ ok: true, cursor: 'c1', changes: [] }),
      }),
    });
    const report = await h.engine.run('manual');
    expect(report).toMatchObject({ outcome: 'up-to-date', stop: null });
    expect(report.run?.message).toBe(runMessage(report.run!, pulledBack, null));
  });

  it('says why it cannot run when no connector is set up', async () => {
    const h = await setup({ engine: { connector: async () => fail('Sync is off') } });
    await h.addActions(1);
    expect(await h.engine.run('manual')).toMatchObject({
      outcome: 'not-set-up',
      stop: { type: 'not-set-up', reason: 'Sync is off' },
    });
  });
});
