// Versions 8 and 9 derive the metric facts from the records already stored; both are tested on a
// database holding the small dataset and a session from before the quality pulse existed.
import { expect } from 'vitest';
import { generateDataset } from '../../../../shared/demo-dataset';
import { toMetricAction, toMetricSession } from '../../../../shared/metrics/metric-records';
import { expectFactsMatch } from '../expect-facts-match';
import { openAt } from './open-at';

export async function expectFactsFilledOnUpgradeTo(version: 8 | 9) {
  const dataset = generateDataset({ size: 'small' });
  const early = { id: crypto.randomUUID(), participantId: dataset.participants[0].id, date: '2025-01-06' };
  const db = await openAt(version, async (old) => {
    await old.table('participants').bulkAdd(dataset.participants);
    await old.table('sessions').bulkAdd([...dataset.sessions, early]);
    await old.table('actions').bulkAdd(dataset.actions);
    if (version === 9) {
      await old.table('actionFacts').bulkAdd(dataset.actions.map(toMetricAction));
      await old.table('sessionFacts').bulkAdd([...dataset.sessions, early].map(toMetricSession as never));
    }
  });

  expect(db.verno).toBeGreaterThanOrEqual(9);
  const sessionFacts = (await db.sessionFactGroups.toArray()).flatMap((group) => group.facts);
  expect(sessionFacts).toHaveLength(dataset.sessions.length + 1);
  await expectFactsMatch(db);
  expect(db.tables.map((table) => table.name)).not.toContain('actionFacts');
  expect([...db.backendDB().objectStoreNames]).not.toContain('sessionFacts');
}
