// The contracts repository on a real (fake-indexeddb) database: drafts with bad input are kept,
// commitments are queued for sync with the record, and RACI edits change only their own cell.
import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { ValidationError } from '../../../renderer/db/write';
import { raciWarnings, commitmentWarnings, contractWarnings } from '../../../shared/contract-rules';

const openDatabase = databasePerTest();

async function setup() {
  const opened = openDatabase();
  const leader = await opened.repos.participants.create({ name: 'Amara Okafor', team: 'Operations' });
  const contract = await opened.repos.contracts.create({ participantId: leader.id, startDate: '2026-11-02' });
  return { ...opened, leader, contract, contracts: opened.repos.contracts };
}

describe('contracts repository', () => {
  it('creates a draft with the default six-week cadence and its first review date', async () => {
    const { contract } = await setup();
    expect(contract).toMatchObject({
      title: '',
      status: 'draft',
      reviewCadenceWeeks: 6,
      startDate: '2026-11-02',
      nextReviewDate: '2026-12-14',
      commitments: [],
      raci: { roles: [], decisions: [] },
    });
  });

  it.each(['2026-02-30', '', 'someday', '2026-2-3'])(
    'refuses to create a contract starting %j, naming the start date, and stores nothing',
    async (startDate) => {
      const { repos, leader } = await setup();
      const before = await repos.contracts.list();
      const refused = repos.contracts.create({ participantId: leader.id, startDate });
      await expect(refused).rejects.toThrow(ValidationError);
      await expect(refused).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'startDate' })] });
      expect(await repos.contracts.list()).toEqual(before);
    },
  );

  it('saves a draft full of problems exactly as typed, and only warns about them', async () => {
    const { contracts, contract } = await setup();
    await contracts.update(contract.id, { nextReviewDate: '2026-10-01' });
    const commitment = await contracts.addCommitment(contract.id);
    await contracts.updateCommitment(contract.id, commitment.id, { text: 'Weekly demo' });
    await contracts.addRole(contract.id, 'Lead');
    await contracts.addRole(contract.id, 'PM');
    const first = await contracts.addDecision(contract.id, 'Budget');
    const second = await contracts.addDecision(contract.id, 'budget');
    await contracts.setRaciCell(contract.id, first, 0, 'A');
    await contracts.setRaciCell(contract.id, first, 1, 'A');

    const stored = (await contracts.get(contract.id))!;
    expect(stored.nextReviewDate).toBe('2026-10-01');
    expect(stored.raci.decisions.map((decision) => [decision.name, decision.cells])).toEqual([
      ['Budget', ['A', 'A']],
      ['budget', ['', '']],
    ]);
    expect(contractWarnings(stored).map((warning) => warning.field)).toEqual(['title', 'nextReviewDate']);
    expect(commitmentWarnings(stored.commitments[0]).map((warning) => warning.field)).toEqual([
      'owner',
      'acceptanceCriteria',
    ]);
    const raci = raciWarnings(stored.raci).decisions;
    expect(raci[first]).toContain('2 A’s (Lead, PM): exactly one role can be accountable.');
    expect(raci[second]).toContain('Another decision has the same name: merge them or tell them apart.');
  });

  it('reschedules the next review when the start date or cadence changes', async () => {
    const { contracts, contract } = await setup();
    expect((await contracts.update(contract.id, { reviewCadenceWeeks: 4 })).nextReviewDate).toBe('2026-11-30');
    expect((await contracts.update(contract.id, { startDate: '2027-01-31' })).nextReviewDate).toBe('2027-02-28');
    expect((await contracts.update(contract.id, { title: 'Ops' })).nextReviewDate).toBe('2027-02-28');
  });

  it('dates each commitment status change and queues the commitment with its contract id', async () => {
    const { contracts, contract, clock, db } = await setup();
    const commitment = await contracts.addCommitment(contract.id);
    clock.advance(60_000);
    await contracts.setCommitmentStatus(contract.id, commitment.id, 'at-risk');
    clock.advance(60_000);
    const stored = await contracts.setCommitmentStatus(contract.id, commitment.id, 'at-risk');
    expect(stored.commitments[0].statusHistory).toEqual([
      { status: 'on-track', at: clock() - 120_000 },
      { status: 'at-risk', at: clock() - 60_000 },
    ]);

    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ recordType: 'commitment', recordId: commitment.id });
    expect(entries[0].payload).toMatchObject({ id: commitment.id, contractId: contract.id, status: 'at-risk' });
  });

  it('names the session a status was set in', async () => {
    const { contracts, contract, clock } = await setup();
    const commitment = await contracts.addCommitment(contract.id);
    const sessionId = crypto.randomUUID();
    clock.advance(60_000);
    const stored = await contracts.setCommitmentStatus(contract.id, commitment.id, 'met', sessionId);
    expect(stored.commitments[0].statusHistory.at(-1)).toEqual({ status: 'met', at: clock(), sessionId });
  });

  it('queues nothing for edits that leave every commitment as it was', async () => {
    const { contracts, contract, db } = await setup();
    await contracts.addCommitment(contract.id);
    await contracts.addCommitment(contract.id);
    await db.outbox.toCollection().modify({ attempts: 1 });
    await contracts.update(contract.id, { title: 'Ops' });
    await contracts.addRole(contract.id, 'Lead');
    const [first] = (await contracts.get(contract.id))!.commitments;
    await contracts.moveCommitment(contract.id, first.id, 1);
    expect(await db.outbox.count()).toBe(2);
  });

  it('queues a removed commitment as deleted, and leaves the others alone', async () => {
    const { contracts, contract, db, clock } = await setup();
    const kept = await contracts.addCommitment(contract.id);
    const dropped = await contracts.addCommitment(contract.id);
    await db.outbox.toCollection().modify({ attempts: 1 });
    clock.advance(1_000);
    await contracts.removeCommitment(contract.id, dropped.id);
    const entries = await db.outbox.where('recordId').equals(dropped.id).toArray();
    expect(entries.at(-1)?.payload).toMatchObject({ id: dropped.id, contractId: contract.id, deletedAt: clock() });
    expect(await db.outbox.where('recordId').equals(kept.id).count()).toBe(1);
    expect((await contracts.get(contract.id))!.commitments.map((commitment) => commitment.id)).toEqual([kept.id]);
  });

  it('does not write the contract when its outbox entry cannot be written', async () => {
    const { contracts, contract, db } = await setup();
    const commitment = await contracts.addCommitment(contract.id);
    db.outbox.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(contracts.updateCommitment(contract.id, commitment.id, { owner: 'Ines' })).rejects.toThrow(
      'disk full',
    );
    expect((await contracts.get(contract.id))!.commitments[0].owner).toBe('');
  });

  it('reorders commitments and decisions, clamped at the ends', async () => {
    const { contracts, contract } = await setup();
    const ids = [];
    for (let index = 0; index < 3; index++) ids.push((await contracts.addCommitment(contract.id)).id);
    await contracts.moveCommitment(contract.id, ids[2], -1);
    await contracts.moveCommitment(contract.id, ids[0], -1);
    const order = (await contracts.get(contract.id))!.commitments.map((commitment) => commitment.id);
    expect(order).toEqual([ids[0], ids[2], ids[1]]);

    const hiring = await contracts.addDecision(contract.id, 'Hiring');
    const budget = await contracts.addDecision(contract.id, 'Budget');
    await contracts.moveDecision(contract.id, budget, -1);
    const names = (await contracts.get(contract.id))!.raci.decisions.map((decision) => decision.id);
    expect(names).toEqual([budget, hiring]);
  });

  it('keeps every row one cell per role as roles come and go', async () => {
    const { contracts, contract } = await setup();
    const decision = await contracts.addDecision(contract.id, 'Release');
    await contracts.addRole(contract.id, 'Lead');
    await contracts.addRole(contract.id, 'PM');
    await contracts.addRole(contract.id, 'QA');
    await contracts.setRaciCell(contract.id, decision, 0, 'A');
    await contracts.setRaciCell(contract.id, decision, 2, 'R');
    await contracts.renameRole(contract.id, 1, 'Product');
    let stored = (await contracts.removeRole(contract.id, 1)).raci;
    expect(stored).toEqual({
      roles: ['Lead', 'QA'],
      decisions: [{ id: decision, name: 'Release', cells: ['A', 'R'] }],
    });
    stored = (await contracts.setRaciCell(contract.id, decision, 0, '')).raci;
    expect(stored.decisions[0].cells).toEqual(['', 'R']);
    await expect(contracts.setRaciCell(contract.id, decision, 5, 'A')).rejects.toThrow(/no longer in the RACI/);
  });

  it('links the leader’s actions to a commitment, and offers only that leader’s live actions', async () => {
    const { contracts, contract, leader, repos } = await setup();
    const other = await repos.participants.create({ name: 'Li Wei' });
    const mine = await repos.actions.add({ participantId: leader.id, text: 'Publish the escalation RACI' });
    await repos.actions.add({ participantId: other.id, text: 'Not for this contract' });
    const linkable = await contracts.actionsOfLeader(leader.id);
    expect(linkable.map((action) => action.text)).toEqual(['Publish the escalation RACI']);
    const commitment = await contracts.addCommitment(contract.id);
    const stored = await contracts.updateCommitment(contract.id, commitment.id, { actionIds: [mine.id] });
    expect(stored.commitments[0].actionIds).toEqual([mine.id]);
  });

  it('refuses an impossible date with a message and keeps what was stored', async () => {
    const { contracts, contract } = await setup();
    await expect(contracts.update(contract.id, { startDate: '2026-02-30' })).rejects.toThrow(/does not exist/);
    expect((await contracts.get(contract.id))!.startDate).toBe('2026-11-02');
  });
});
