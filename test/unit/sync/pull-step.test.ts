// The pull step of a two-way connector: the cursor moves only after the changes are applied, and
// a refused or failed pull stops the run as a push's answer would.
import { describe, expect, it } from 'vitest';
import { defaultBackoffPolicy } from '../../../renderer/sync/backoff';
import type { PullOutcome, SyncConnector } from '../../../renderer/sync/connectors/connector';
import { nothingPulled, pullStep } from '../../../renderer/sync/pull-step';
import { readPullCursor, writePullCursor } from '../../../renderer/sync/settings';
import { openTestDatabase } from '../db/test-database';

/** A two-way connector that answers each pull with the next of `answers`. */
function pulling(...answers: PullOutcome[]) {
  const asked: (string | null)[] = [];
  const connector = {
    kind: 'hub',
    label: 'Followthrough hub at hub.example.org',
    pull: async (cursor: string | null) => {
      asked.push(cursor);
      return answers[asked.length - 1];
    },
  } as unknown as SyncConnector;
  return { connector, asked };
}

function step(connector: SyncConnector, applyPulled?: Parameters<typeof pullStep>[0]['applyPulled']) {
  const { db, clock } = openTestDatabase();
  const deps = { db, connector, applyPulled, backoff: defaultBackoffPolicy, random: () => 0, now: clock };
  return { db, clock, run: () => pullStep(deps, Promise.resolve()) };
}

const change = { recordType: 'action' as const, recordId: 'a1', upstreamVersion: '3', fields: {} };

describe('the pull step', () => {
  it('does nothing for a connector that only pushes', async () => {
    const { run } = step({ kind: 'webhook' } as SyncConnector, async () => undefined);
    expect(await run()).toEqual({ stop: null, pulled: nothingPulled });
  });

  it('applies what came and then moves the cursor, from where it was', async () => {
    const { connector, asked } = pulling({ ok: true, changes: [change], cursor: 'c9' });
    const applied: unknown[] = [];
    const { db, run } = step(connector, async (changes) => {
      applied.push(...changes);
      return { changed: 1, notKept: [] };
    });
    await writePullCursor(db, 'hub', 'c4');
    expect(await run()).toEqual({ stop: null, pulled: { changed: 1, notKept: [] } });
    expect(asked).toEqual(['c4']);
    expect(applied).toEqual([change]);
    expect(await readPullCursor(db, 'hub')).toBe('c9');
  });

  it('keeps the cursor where it was when applying fails', async () => {
    const { connector } = pulling({ ok: true, changes: [change], cursor: 'c9' });
    const { db, run } = step(connector, async () => {
      throw new Error('disk full');
    });
    await expect(run()).rejects.toThrow('disk full');
    expect(await readPullCursor(db, 'hub')).toBeNull();
  });

  it('stops the run on a refused connection, and pauses for a failure as long as the hub asked', async () => {
    const refused = pulling({ ok: false, reason: 'Token revoked', refused: true, retryAfterMs: null });
    expect((await step(refused.connector, async () => undefined).run()).stop).toMatchObject({
      outcome: 'rejected',
      stop: { type: 'refused-connection', reason: 'Token revoked' },
    });
    const busy = pulling({ ok: false, reason: 'The hub answered 429', refused: false, retryAfterMs: 3_600_000 });
    const { clock, run } = step(busy.connector, async () => undefined);
    expect((await run()).stop).toMatchObject({
      outcome: 'will-retry',
      stop: { type: 'upstream-wait', until: clock() + 3_600_000 },
      pause: { retryAfterUntil: clock() + 3_600_000 },
    });
  });
});
