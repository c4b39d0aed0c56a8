// The metric fact groups hold exactly the projection of actions and sessions, grouped by
// participant, whatever wrote them:
// repositories, the trash and its purge, erasure, sync-style bulk writes, collection-wide modify
// and delete, clearing a table. Checked after random sequences of those writes, as live queries
// see them. The upgrade that creates the tables is tested in migrations/v8 and v9.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Dexie, { liveQuery } from 'dexie';
import { openTestDatabase, participantWithSession, testClock } from './test-database';
import type { FollowthroughDatabase } from '../../../renderer/db/database';
import { expectFactsMatch } from './expect-facts-match';
import { eraseParticipant } from '../../../renderer/privacy/erase-participant';
import { fillEmptyDatabase } from '../../../renderer/demo/load-demo-data';
import { readMetricRecords } from '../../../renderer/metrics/read-metric-records';
import { StatusMoveError } from '../../../shared/action-status';
import { actionStatuses, type Action, type ActionStatus, type Pulse, type Session } from '../../../shared/model';
import { generateDataset } from '../../../shared/demo-dataset';

const databases: Dexie[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

function opened() {
  const handle = openTestDatabase(testClock());
  databases.push(handle.db);
  return handle;
}

const factOf = async (db: FollowthroughDatabase, action: Action) =>
  (await db.actionFactGroups.get(action.participantId))?.facts.find((fact) => fact.id === action.id);

type Handle = ReturnType<typeof opened>;

type Operation =
  | { kind: 'add-action'; who: number; session: number | null; experiment: boolean }
  | { kind: 'add-many'; who: number; count: number }
  | { kind: 'edit-action'; pick: number; experiment: boolean }
  | { kind: 'move-action'; pick: number; status: ActionStatus; reason: string }
  | { kind: 'move-many'; picks: number[]; status: ActionStatus }
  | { kind: 'add-session'; who: number; day: number; time: string }
  | { kind: 'edit-session'; pick: number; question: keyof Pulse; score: number }
  | { kind: 'time-session'; pick: number; minutes: number }
  | { kind: 'trash-session' | 'restore-session' | 'trash-action' | 'restore-action'; pick: number }
  | { kind: 'purge-trash' }
  | { kind: 'erase-participant'; who: number }
  | { kind: 'hub-put'; picks: number[]; status: ActionStatus }
  | { kind: 'reassign'; table: 'actions' | 'sessions'; picks: number[]; who: number }
  | { kind: 'parallel-writes'; picks: number[]; who: number }
  | { kind: 'modify-collection'; who: number; experiment: boolean }
  | { kind: 'delete-key-range'; from: number; to: number }
  | { kind: 'clear'; table: 'actions' | 'sessions' };

const pick = fc.nat({ max: 50 });
const often = (arbitrary: fc.Arbitrary<Operation>) => ({ arbitrary, weight: 4 });
const rarely = (arbitrary: fc.Arbitrary<Operation>) => ({ arbitrary, weight: 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  often(
    fc.record({
      kind: fc.constant('add-action' as const),
      who: pick,
      session: fc.option(pick, { nil: null }),
      experiment: fc.boolean(),
    }),
  ),
  often(fc.record({ kind: fc.constant('add-many' as const), who: pick, count: fc.integer({ min: 1, max: 4 }) })),
  often(fc.record({ kind: fc.constant('edit-action' as const), pick, experiment: fc.boolean() })),
  often(
    fc.record({
      kind: fc.constant('move-action' as const),
      pick,
      status: fc.constantFrom(...actionStatuses),
      reason: fc.constantFrom('', 'Waiting on budget'),
    }),
  ),
  often(
    fc.record({
      kind: fc.constant('move-many' as const),
      picks: fc.array(pick, { maxLength: 4 }),
      status: fc.constantFrom(...actionStatuses),
    }),
  ),
  often(
    fc.record({
      kind: fc.constant('add-session' as const),
      who: pick,
      day: fc.integer({ min: 1, max: 28 }),
      time: fc.constantFrom('00:00', '09:30', '23:45'),
    }),
  ),
  often(
    fc.record({
      kind: fc.constant('edit-session' as const),
      pick,
      question: fc.constantFrom('preparation', 'clarity', 'documentedAction'),
      score: fc.integer({ min: 1, max: 5 }),
    }),
  ),
  often(fc.record({ kind: fc.constant('time-session' as const), pick, minutes: fc.integer({ min: 1, max: 120 }) })),
  often(
    fc.record({
      kind: fc.constantFrom(
        'trash-session' as const,
        'restore-session' as const,
        'trash-action' as const,
        'restore-action' as const,
      ),
      pick,
    }),
  ),
  often(
    fc.record({
      kind: fc.constant('hub-put' as const),
      picks: fc.array(pick, { maxLength: 4 }),
      status: fc.constantFrom(...actionStatuses),
    }),
  ),
  often(fc.record({ kind: fc.constant('modify-collection' as const), who: pick, experiment: fc.boolean() })),
  often(
    fc.record({
      kind: fc.constant('reassign' as const),
      table: fc.constantFrom('actions' as const, 'sessions' as const),
      picks: fc.array(pick, { minLength: 1, maxLength: 3 }),
      who: pick,
    }),
  ),
  often(
    fc.record({ kind: fc.constant('parallel-writes' as const), picks: fc.array(pick, { maxLength: 4 }), who: pick }),
  ),
  rarely(fc.constant({ kind: 'purge-trash' as const })),
  rarely(fc.record({ kind: fc.constant('erase-participant' as const), who: pick })),
  rarely(fc.record({ kind: fc.constant('delete-key-range' as const), from: pick, to: pick })),
  rarely(
    fc.record({ kind: fc.constant('clear' as const), table: fc.constantFrom('actions' as const, 'sessions' as const) }),
  ),
);

/** Two participants with a session each and actions open, done, verified and blocked. */
async function seeded(): Promise<Handle> {
  const handle = opened();
  const { repos } = handle;
  for (const name of ['Amara', 'Ben']) {
    const { participant, session } = await participantWithSession(repos, { name }, { date: '2026-02-02' });
    const [open, done, blocked] = await repos.actions.addMany(
      ['Open', 'Done', 'Blocked'].map((text) => ({ participantId: participant.id, sessionId: session.id, text })),
    );
    await repos.actions.setStatus(done.id, 'done');
    await repos.actions.setStatus(done.id, 'verified');
    await repos.actions.setStatus(blocked.id, 'blocked', 'Waiting on budget');
    await repos.actions.update(open.id, { isExperiment: true });
  }
  return handle;
}

const chosen = <T>(items: T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

async function participantId({ db, repos }: Handle, who: number): Promise<string> {
  const existing = chosen(await db.participants.toCollection().primaryKeys(), who);
  return existing ?? (await repos.participants.create({ name: `Participant ${who}` })).id;
}

const actionIds = ({ db }: Handle) => db.actions.toCollection().primaryKeys();
const sessionIds = ({ db }: Handle) => db.sessions.toCollection().primaryKeys();

/** What sync does with records the hub sends: new versions written with bulkPut in one transaction. */
async function hubPut({ db, clock }: Handle, picks: number[], status: ActionStatus) {
  const ids = await actionIds({ db, clock } as Handle);
  const actions = (await db.actions.bulkGet(picks.flatMap((index) => chosen(ids, index) ?? []))).filter(
    (action): action is Action => action !== undefined,
  );
  const at = clock();
  const changed = actions.map((action) => ({
    ...action,
    status,
    history: [...action.history, { status, at, source: 'upstream' as const }],
    updatedAt: at,
  }));
  const sessions = (await db.sessions.limit(2).toArray()).map((session: Session) => ({
    ...session,
    notes: 'From the hub',
  }));
  await db.transaction('rw', db.actions, db.sessions, async () => {
    await db.actions.bulkPut(changed);
    await db.sessions.bulkPut(sessions);
  });
}

/** A record the hub says now belongs to someone else (a participant merged or a record re-filed). */
async function reassign({ db }: Handle, table: 'actions' | 'sessions', picks: number[], to: string) {
  const ids = (await db.table(table).toCollection().primaryKeys()) as string[];
  const records = await db.table(table).bulkGet(picks.flatMap((index) => chosen(ids, index) ?? []));
  await db
    .table(table)
    .bulkPut(
      records.flatMap((record: Action | Session | undefined) => (record ? [{ ...record, participantId: to }] : [])),
    );
}

/** Several writes in flight at once in one transaction, several to the same participant's group. */
async function parallelWrites({ db }: Handle, picks: number[], owner: string) {
  const ids = await actionIds({ db } as Handle);
  const actions = (await db.actions.bulkGet(picks.flatMap((index) => chosen(ids, index) ?? []))).filter(
    (action): action is Action => action !== undefined,
  );
  await db.transaction('rw', db.actions, () =>
    Promise.all(
      actions.flatMap((action) => [
        db.actions.put({ ...action, isExperiment: !action.isExperiment }),
        db.actions.add({ ...action, id: crypto.randomUUID(), participantId: owner }),
      ]),
    ),
  );
}

async function apply(handle: Handle, step: Operation): Promise<void> {
  const { db, repos, clock } = handle;
  clock.advance(3_600_000);
  switch (step.kind) {
    case 'add-action': {
      const sessionId = step.session === null ? null : (chosen(await sessionIds(handle), step.session) ?? null);
      const owner =
        sessionId === null ? await participantId(handle, step.who) : (await db.sessions.get(sessionId))!.participantId;
      await repos.actions.add({ participantId: owner, sessionId, text: 'Do the thing', isExperiment: step.experiment });
      return;
    }
    case 'add-many': {
      const owner = await participantId(handle, step.who);
      await repos.actions.addMany(Array.from({ length: step.count }, () => ({ participantId: owner, text: 'Batch' })));
      return;
    }
    case 'edit-action': {
      const id = chosen(await actionIds(handle), step.pick);
      if (id) await repos.actions.update(id, { isExperiment: step.experiment, text: 'Edited' });
      return;
    }
    case 'move-action': {
      const id = chosen(await actionIds(handle), step.pick);
      if (!id) return;
      try {
        await repos.actions.setStatus(id, step.status, step.reason);
      } catch (error) {
        if (!(error instanceof StatusMoveError)) throw error;
      }
      return;
    }
    case 'move-many': {
      const ids = await actionIds(handle);
      await repos.actions.setStatusMany(
        step.picks.flatMap((index) => chosen(ids, index) ?? []),
        step.status,
      );
      return;
    }
    case 'add-session':
      await repos.sessions.create({
        participantId: await participantId(handle, step.who),
        date: `2026-02-${String(step.day).padStart(2, '0')}`,
        startTime: step.time,
      });
      return;
    case 'edit-session': {
      const id = chosen(await sessionIds(handle), step.pick);
      if (id) await repos.sessions.setPulseScore(id, step.question, step.score);
      return;
    }
    case 'time-session': {
      const id = chosen(await sessionIds(handle), step.pick);
      if (!id) return;
      await repos.sessions.startTimer(id);
      clock.advance(step.minutes * 60_000);
      await repos.sessions.stopTimer(id);
      return;
    }
    case 'trash-session':
    case 'restore-session':
    case 'trash-action':
    case 'restore-action': {
      const ids = step.kind.endsWith('session') ? await sessionIds(handle) : await actionIds(handle);
      const id = chosen(ids, step.pick);
      const trash = {
        'trash-session': repos.trash.deleteSession,
        'restore-session': repos.trash.restoreSession,
        'trash-action': repos.trash.deleteAction,
        'restore-action': repos.trash.restoreAction,
      }[step.kind];
      if (id) await trash(id);
      return;
    }
    case 'purge-trash':
      clock.advance(31 * 86_400_000);
      await repos.trash.purgeExpired();
      return;
    case 'erase-participant': {
      const id = chosen(await db.participants.toCollection().primaryKeys(), step.who);
      if (id) await eraseParticipant(db, id, clock());
      return;
    }
    case 'hub-put':
      await hubPut(handle, step.picks, step.status);
      return;
    case 'reassign':
      await reassign(handle, step.table, step.picks, await participantId(handle, step.who));
      return;
    case 'parallel-writes':
      await parallelWrites(handle, step.picks, await participantId(handle, step.who));
      return;
    case 'modify-collection': {
      const owner = await participantId(handle, step.who);
      await db.actions.where('participantId').equals(owner).modify({ isExperiment: step.experiment });
      await db.sessions
        .where('participantId')
        .equals(owner)
        .modify((session) => {
          session.durationMinutes += 15;
        });
      return;
    }
    case 'delete-key-range': {
      const ids = await actionIds(handle);
      const [from, to] = [chosen(ids, step.from), chosen(ids, step.to)].sort();
      if (from && to) await db.actions.where(':id').between(from, to, true, true).delete();
      return;
    }
    case 'clear':
      await db.table(step.table).clear();
      return;
  }
}

async function oneAction() {
  const { db, repos } = opened();
  const participant = await repos.participants.create({ name: 'Amara' });
  return { db, repos, action: await repos.actions.add({ participantId: participant.id, text: 'Publish the RACI' }) };
}

describe('the metric fact groups', () => {
  it('equal the projection of actions and sessions after any sequence of writes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 20 }), async (steps) => {
        const handle = await seeded();
        for (const step of steps) {
          await apply(handle, step);
          await expectFactsMatch(handle.db);
        }
        await handle.db.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('follow a demo load with one row per participant holding flat facts only', async () => {
    const { db } = opened();
    const dataset = generateDataset({ size: 'small' });
    await fillEmptyDatabase(db, dataset);
    await expectFactsMatch(db);
    const groups = await db.actionFactGroups.toArray();
    expect(groups).toHaveLength(new Set(dataset.actions.map((action) => action.participantId)).size);
    const facts = groups.flatMap((group) => group.facts);
    expect(facts).toHaveLength(dataset.actions.length);
    expect(facts.some((fact) => fact.blocks !== undefined)).toBe(true);
    expect(facts.every((fact) => !('history' in fact) && !('text' in fact))).toBe(true);
  });

  it('roll back with the write they follow when its transaction fails', async () => {
    const { db, action: kept } = await oneAction();
    await expect(
      db.transaction('rw', db.actions, async () => {
        await db.actions.put({ ...kept, isExperiment: true });
        await db.actions.add({ ...kept, id: crypto.randomUUID() });
        throw new Error('Something went wrong half-way');
      }),
    ).rejects.toThrow('half-way');
    await expectFactsMatch(db);
    expect((await factOf(db, kept))?.isExperiment).toBe(false);
  });

  it('mirror only the records a bulk add stored, not the ones it refused', async () => {
    const { db, action: existing } = await oneAction();
    const fresh = { ...existing, id: crypto.randomUUID(), isExperiment: true };
    await expect(db.actions.bulkAdd([{ ...existing, isExperiment: true }, fresh])).rejects.toThrow();
    await expectFactsMatch(db);
    expect((await factOf(db, existing))?.isExperiment).toBe(false);
    expect((await factOf(db, fresh))?.isExperiment).toBe(true);
  });

  it('wake live queries that read them, such as the Metrics page', async () => {
    const { db, repos, action } = await oneAction();
    const range = { from: '2026-01-01', to: '2026-12-31' };
    const seen: (number | null)[] = [];
    const subscription = liveQuery(() =>
      readMetricRecords(db, { kind: 'everyone' }, range, { kind: 'first-two-weeks' }),
    ).subscribe((records) => seen.push(records.actions[0]?.completedAt ?? null));
    await expect.poll(() => seen.length).toBe(1);
    await repos.actions.setStatus(action.id, 'done');
    await expect.poll(() => seen.at(-1)).toBeTypeOf('number');
    subscription.unsubscribe();
  });
});
