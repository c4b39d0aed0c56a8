import { describe, expect, it } from 'vitest';
import { weekStart, weeklySummary } from '../../../renderer/sync/weekly-summary';
import type { OutboxEntry, SyncRun } from '../../../shared/model';
import { runsSince } from '../../../renderer/sync/run-log';
import { harnessPerTest } from './harness';

const monday = new Date(2026, 10, 2, 0, 0).getTime();
const run = (sentActions: number, sentCommitments = 0) => ({ sentActions, sentCommitments }) as SyncRun;
const parked = (lastError: string, updatedAt = monday + 1) =>
  ({ state: 'parked', lastError, updatedAt }) as OutboxEntry;

describe('the weekly summary', () => {
  it('counts what went out this week and names why anything failed', () => {
    expect(weekStart(new Date(2026, 10, 6, 15, 0).getTime())).toBe(monday);
    expect(weeklySummary([], [], monday)).toBe('0 actions sent this week');
    expect(
      weeklySummary(
        [run(10), run(4)],
        [parked('The receiver answered 422: bad owner'), parked('The receiver answered 422: bad owner')],
        monday,
      ),
    ).toBe('14 actions sent this week, 2 failed: The receiver answered 422: bad owner');
    expect(weeklySummary([run(1, 2)], [parked('a'), parked('b'), parked('old', monday - 1)], monday)).toBe(
      '1 action and 2 commitments sent this week, 2 failed: 2 different reasons, listed under Needs attention',
    );
  });

  it('cuts a long reason to a headline at the end of a word', () => {
    const reason =
      'Refused by the upstream. The receiver answered 400: {"error":"Owner must be an email address","field":"owner"}';
    expect(weeklySummary([run(3)], [parked(reason)], monday)).toBe(
      '3 actions sent this week, 1 failed: Refused by the upstream. The receiver answered 400: {"error":"Owner must be an email…',
    );
  });
});

describe('the weekly summary of runs the engine kept', () => {
  const setup = harnessPerTest();

  it('counts each action once, however many times a change of it went out this week', async () => {
    const h = await setup({ batchSize: 10 });
    const actions = await h.addActions(3);
    await h.engine.run('manual');
    h.clock.advance(60_000);
    await h.repos.actions.update(actions[0].id, { text: 'Action 1, reworded' });
    await h.engine.run('manual');

    const since = weekStart(h.clock());
    expect(weeklySummary(await runsSince(h.db, since), [], since)).toBe('3 actions sent this week');
  });
});
