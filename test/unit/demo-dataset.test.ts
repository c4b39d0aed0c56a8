import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canMoveTo } from '../../shared/action-status';
import {
  actionSchema,
  contractReviewSchema,
  contractSchema,
  participantSchema,
  sessionSchema,
  type Action,
} from '../../shared/model';
import { datasetSizes, fillEmptyDatabase, generateDataset, type Dataset } from '../fixtures/dataset';
import { openTestDatabase } from './db/test-database';
import type { FollowthroughDatabase } from '../../renderer/db/database';

const now = Date.UTC(2026, 10, 2, 12, 0);

function expectConsistentHistory(action: Action, until: number) {
  const { history } = action;
  expect(history[0]).toMatchObject({ status: 'open', at: action.createdAt });
  for (let index = 1; index < history.length; index += 1) {
    expect(canMoveTo(history[index - 1].status, history[index].status)).toBe(true);
    expect(history[index].at).toBeGreaterThanOrEqual(history[index - 1].at);
    if (history[index].status === 'blocked') expect(history[index].reason).toBeTruthy();
  }
  expect(action.status).toBe(history.at(-1)!.status);
  expect(action.updatedAt).toBe(history.at(-1)!.at);
  expect(action.updatedAt).toBeLessThanOrEqual(until);
  expect(action.blockedReason === '').toBe(action.status !== 'blocked');
}

function expectReferencesHold(dataset: Dataset) {
  const participants = new Set(dataset.participants.map((participant) => participant.id));
  const sessions = new Map(dataset.sessions.map((session) => [session.id, session]));
  const actions = new Map(dataset.actions.map((action) => [action.id, action]));
  const contracts = new Set(dataset.contracts.map((contract) => contract.id));
  for (const session of dataset.sessions) expect(participants.has(session.participantId)).toBe(true);
  for (const action of dataset.actions) {
    expect(participants.has(action.participantId)).toBe(true);
    if (action.sessionId) expect(sessions.get(action.sessionId)?.participantId).toBe(action.participantId);
  }
  for (const contract of dataset.contracts) {
    expect(participants.has(contract.participantId)).toBe(true);
    for (const id of contract.commitments.flatMap((commitment) => commitment.actionIds)) {
      expect(actions.get(id)?.participantId).toBe(contract.participantId);
    }
  }
  for (const review of dataset.contractReviews) expect(contracts.has(review.contractId)).toBe(true);
}

describe('the demo dataset generator', () => {
  it('makes small records that every schema in shared/model.ts accepts', () => {
    const dataset = generateDataset({ size: 'small', now });
    for (const participant of dataset.participants) participantSchema.parse(participant);
    for (const session of dataset.sessions) sessionSchema.parse(session);
    for (const action of dataset.actions) actionSchema.parse(action);
    for (const contract of dataset.contracts) contractSchema.parse(contract);
    for (const review of dataset.contractReviews) contractReviewSchema.parse(review);
    expect(dataset.contractReviews.length).toBeGreaterThan(0);
    expectReferencesHold(dataset);
  });

  it('gives the same records for the same seed and clock, and different ones for another seed', () => {
    expect(generateDataset({ size: 'small', seed: 7, now })).toEqual(generateDataset({ size: 'small', seed: 7, now }));
    const other = generateDataset({ size: 'small', seed: 8, now });
    expect(other.participants.map((p) => p.name)).not.toEqual(
      generateDataset({ size: 'small', seed: 7, now }).participants.map((p) => p.name),
    );
  });

  it('builds every status history from moves the app allows, never past the clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 400 }), (seed, daysLater) => {
        const until = now + daysLater * 86_400_000;
        const dataset = generateDataset({ size: 'small', seed, now: until });
        for (const action of dataset.actions) expectConsistentHistory(action, until);
        const records = [...dataset.participants, ...dataset.sessions, ...dataset.actions, ...dataset.contracts];
        for (const record of records) expect(Math.max(record.createdAt, record.updatedAt)).toBeLessThanOrEqual(until);
        for (const review of dataset.contractReviews)
          expect(review.completedAt ?? review.at).toBeLessThanOrEqual(until);
        expectReferencesHold(dataset);
      }),
      { numRuns: 10 },
    );
  });

  it('makes the large size five years of a busy coach', () => {
    const dataset = generateDataset({ size: 'large', now });
    const { participants, sessions, actions, contracts } = datasetSizes.large;
    expect(dataset.participants).toHaveLength(participants);
    expect(dataset.sessions).toHaveLength(sessions);
    expect(dataset.actions).toHaveLength(actions);
    expect(dataset.contracts).toHaveLength(contracts);
    expect(new Set(dataset.actions.map((action) => action.id)).size).toBe(actions);

    const firstSession = dataset.sessions.map((session) => session.date).sort()[0];
    expect(firstSession < '2022-01-01').toBe(true);
    const experiments = dataset.actions.filter((action) => action.isExperiment).length / actions;
    expect(experiments).toBeGreaterThan(0.08);
    expect(experiments).toBeLessThan(0.12);
    const statuses = new Set(dataset.actions.map((action) => action.status));
    expect([...statuses].sort()).toEqual(['blocked', 'done', 'dropped', 'open', 'verified']);
    const unblocked = dataset.actions.filter(
      (a) => a.status !== 'blocked' && a.history.some((h) => h.status === 'blocked'),
    );
    expect(unblocked.length).toBeGreaterThan(actions * 0.1);

    const completed = dataset.sessions.filter((session) => session.status === 'complete');
    const growLengths = completed
      .map((s) => [s.goal, s.reality, s.options, s.will].join(' ').length)
      .sort((a, b) => a - b);
    expect(growLengths[Math.floor(growLengths.length / 2)]).toBeGreaterThan(1_000);
    expect(completed.every((session) => session.notes.length > 200)).toBe(true);
    expect(dataset.sessions.some((session) => session.date > '2026-11-02')).toBe(true);
    expect(dataset.contracts.every((contract) => contract.raci.decisions.length === 6)).toBe(true);
    expect(dataset.contractReviews.length).toBeGreaterThan(contracts * 5);
  });
});

describe('filling a database with the demo dataset', () => {
  let db: FollowthroughDatabase | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('writes every record into an empty database, and nothing into one that holds data', async () => {
    const opened = openTestDatabase();
    db = opened.db;
    const dataset = generateDataset({ size: 'small', now });
    expect(await fillEmptyDatabase(db, dataset)).toBe(true);
    expect(await db.actions.count()).toBe(dataset.actions.length);
    expect(await db.contractReviews.count()).toBe(dataset.contractReviews.length);
    expect(await db.sessions.get(dataset.sessions[3].id)).toEqual(dataset.sessions[3]);
    expect(await db.outbox.count()).toBe(0);

    expect(await fillEmptyDatabase(db, generateDataset({ size: 'small', seed: 99, now }))).toBe(false);
    expect(await db.participants.count()).toBe(dataset.participants.length);
  });
});
