// Version 5: reviews stored before a review could stay open read as completed when they were
// taken, with no recorded outcome; the contracts around them are untouched.
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../../renderer/db/database';
import { contractReviewSchema } from '../../../../shared/model';
import { contract } from '../../contracts/contract-fixtures';
import { openAt } from './open-at';

describe('schema version 5', () => {
  it('marks earlier reviews completed at their own time and keeps every row', async () => {
    const stored = contract();
    const reviewId = crypto.randomUUID();
    const db = await openAt(5, async (old) => {
      await old.table('contracts').add(stored);
      await old.table('contractReviews').add({
        id: reviewId,
        contractId: stored.id,
        at: 1_700_000_000_000,
        notes: 'First review',
        snapshot: stored,
        changes: ['x'],
      });
    });

    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const review = await db.contractReviews.get(reviewId);
    expect(contractReviewSchema.parse(review)).toMatchObject({
      notes: 'First review',
      completedAt: 1_700_000_000_000,
      outcome: null,
      changes: ['x'],
    });
    expect(await db.contracts.get(stored.id)).toEqual(stored);
  });
});
