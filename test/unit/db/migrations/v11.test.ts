// Version 11 groups the reviews' facts and fills every fact group again, so actions dropped before
// it have their drop in the facts the follow-up rate reads.
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../../shared/demo-dataset';
import { toMetricAction } from '../../../../shared/metrics/metric-records';
import { expectFactsMatch } from '../expect-facts-match';
import { indexNames, openAt } from './open-at';

describe('schema version 11', () => {
  it('fills the review groups and the drop time of every action from the records stored', async () => {
    const dataset = generateDataset({ size: 'small' });
    const factsAtVersion10 = (actions: typeof dataset.actions) =>
      actions.map((action) => {
        const { droppedAt: _notYetKept, ...fact } = toMetricAction(action);
        return fact;
      });
    const db = await openAt(11, async (old) => {
      await old.table('participants').bulkAdd(dataset.participants);
      await old.table('sessions').bulkAdd(dataset.sessions);
      await old.table('actions').bulkAdd(dataset.actions);
      await old.table('actionReviews').bulkAdd(dataset.actionReviews);
      await old.table('actionFactGroups').bulkAdd(
        dataset.participants.map((participant) => ({
          participantId: participant.id,
          facts: factsAtVersion10(dataset.actions.filter((action) => action.participantId === participant.id)),
        })),
      );
    });

    expect(dataset.actionReviews.length).toBeGreaterThan(0);
    const dropped = dataset.actions.filter((action) => action.status === 'dropped');
    expect(dropped.length).toBeGreaterThan(0);
    const facts = (await db.actionFactGroups.toArray()).flatMap((group) => group.facts);
    for (const action of dropped) expect(facts.find((fact) => fact.id === action.id)?.droppedAt).toBeTypeOf('number');
    await expectFactsMatch(db);
    expect(indexNames(db.actions)).toContain('[participantId+status]');
    const amara = dataset.participants[0].id;
    const unfinished = dataset.actions.filter(
      (action) => action.participantId === amara && (action.status === 'open' || action.status === 'blocked'),
    );
    expect(
      (
        await db.actions
          .where('[participantId+status]')
          .anyOf([
            [amara, 'open'],
            [amara, 'blocked'],
          ])
          .toArray()
      ).length,
    ).toBe(unfinished.length);
  });
});
