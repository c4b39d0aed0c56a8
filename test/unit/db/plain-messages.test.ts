// Every value a form can send that a schema refuses comes back in plain words: no field path
// ("name: …") and none of zod's programmer English ("Too big: expected string to have <=2000").
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  actionSchema,
  commitmentSchema,
  contractReviewSchema,
  contractSchema,
  participantSchema,
  sessionSchema,
} from '../../../shared/model';
import { ValidationError, validated } from '../../../renderer/db/write';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { openTestDatabase, participantWithSession } from './test-database';

let db: FollowthroughDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const badValues: unknown[] = ['x'.repeat(10_000), '', '   ', 'not a date', -1, 1e9, 1.5, null, undefined, 42, {}, []];
const rawPath = /^[\w.]+: /;
const zodEnglish = /too big|too small|expected|invalid input|invalid option|invalid (string|type|enum)|<=|>=/i;

/** Every refusal of `record` with one field (or one field of one nested record) replaced by a bad value. */
function refusals(schema: z.ZodType, record: Record<string, unknown>) {
  const found: { field: string; value: unknown; message: string; issues: string[] }[] = [];
  for (const field of Object.keys(record)) {
    for (const value of badValues) {
      try {
        validated(schema, { ...record, [field]: value });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        found.push({ field, value, message: error.message, issues: error.issues.map((issue) => issue.message) });
      }
    }
  }
  return found;
}

describe('refusals a coach reads', () => {
  it('are plain words for every schema a form writes with, whatever field is wrong', async () => {
    const opened = openTestDatabase();
    db = opened.db;
    const { repos } = opened;
    const { participant, session } = await participantWithSession(
      repos,
      { name: 'Amara Okafor' },
      { date: '2026-12-04', startTime: '09:30' },
    );
    const action = await repos.actions.add({
      participantId: participant.id,
      sessionId: session.id,
      text: 'Publish the RACI',
    });
    const contract = await repos.contracts.create({
      participantId: participant.id,
      startDate: '2026-12-01',
      reviewCadenceWeeks: 4,
    });
    const commitment = await repos.contracts.addCommitment(contract.id);
    await repos.contracts.startReview(contract.id);
    const [review] = await repos.contracts.listReviews(contract.id);
    const withCommitment = await repos.contracts.get(contract.id);

    const cases: [string, z.ZodType, Record<string, unknown>][] = [
      ['participant', participantSchema, participant],
      ['session', sessionSchema, session],
      ['action', actionSchema, action],
      ['contract', contractSchema, withCommitment!],
      ['commitment', commitmentSchema, commitment],
      ['contract review', contractReviewSchema, review],
    ];
    let checked = 0;
    for (const [name, schema, record] of cases) {
      for (const refusal of refusals(schema, record)) {
        for (const message of [refusal.message, ...refusal.issues]) {
          const where = `${name}.${refusal.field} = ${JSON.stringify(refusal.value)?.slice(0, 20)}: ${message}`;
          expect(message, where).not.toMatch(rawPath);
          expect(message, where).not.toMatch(zodEnglish);
          expect(message.length, where).toBeGreaterThan(5);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('says how long a refused text is and how long it may be', () => {
    const error = (() => {
      try {
        validated(actionSchema, { text: 'x'.repeat(10_000) });
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error?.issues.find((issue) => issue.path === 'text')?.message).toBe(
      'This is 10,000 characters long; keep it to 2,000 characters or fewer.',
    );
  });
});
