// The reads the screens make through the repositories: each leaves out what is in the trash and
// keeps the order the screen shows.
import { describe, expect, it } from 'vitest';
import { databasePerTest } from './test-database';

const openDatabase = databasePerTest();

async function coachingHistory() {
  const opened = openDatabase();
  const { repos, clock } = opened;
  const amara = await repos.participants.create({ name: 'Amara' });
  const bea = await repos.participants.create({ name: 'Bea' });
  const session = (participantId: string, date: string) =>
    repos.sessions.create({ participantId, date, startTime: '09:00' });
  const october = await session(amara.id, '2026-10-05');
  const november = await session(amara.id, '2026-11-02');
  const trashed = await session(amara.id, '2026-10-20');
  const beas = await session(bea.id, '2026-10-12');
  const first = await repos.actions.add({
    participantId: amara.id,
    sessionId: november.id,
    text: 'First',
    dueDate: '2026-11-01',
  });
  clock.advance(1_000);
  const second = await repos.actions.add({ participantId: amara.id, sessionId: november.id, text: 'Second' });
  const gone = await repos.actions.add({
    participantId: amara.id,
    sessionId: november.id,
    text: 'Gone',
    dueDate: '2026-10-01',
  });
  await repos.actions.add({ participantId: amara.id, sessionId: trashed.id, text: 'With its session' });
  const done = await repos.actions.add({ participantId: bea.id, text: 'Done', dueDate: '2026-10-01' });
  await repos.actions.setStatus(done.id, 'done');
  await repos.trash.deleteSession(trashed.id);
  await repos.trash.deleteAction(gone.id);
  return { repos, amara, bea, october, november, beas, first, second, done };
}

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('the repository reads', () => {
  it('give sessions by date without those in the trash', async () => {
    const { repos, amara, october, november, beas } = await coachingHistory();
    expect(ids(await repos.sessions.latest(10))).toEqual([november.id, beas.id, october.id]);
    expect(ids(await repos.sessions.latest(1))).toEqual([november.id]);
    expect(ids(await repos.sessions.ofParticipant(amara.id, 'newest first'))).toEqual([november.id, october.id]);
    expect(ids(await repos.sessions.ofParticipant(amara.id, 'oldest first'))).toEqual([october.id, november.id]);
    expect(ids(await repos.sessions.between('2026-10-10', '2026-11-02', 'oldest first'))).toEqual([
      beas.id,
      november.id,
    ]);
    expect(ids(await repos.sessions.between('2026-10-05', '2026-10-12', 'newest first'))).toEqual([
      beas.id,
      october.id,
    ]);
  });

  it('give actions without those in the trash, alone or with their session', async () => {
    const { repos, amara, bea, november, first, second, done } = await coachingHistory();
    expect(await repos.actions.hasAny()).toBe(true);
    expect(ids(await repos.actions.ofSession(november.id))).toEqual([first.id, second.id]);
    expect(ids(await repos.actions.ofSessions([november.id])).sort()).toEqual([first.id, second.id].sort());
    expect(ids(await repos.actions.unfinishedOf(amara.id)).sort()).toEqual([first.id, second.id].sort());
    expect(ids(await repos.actions.unfinishedOf(bea.id))).toEqual([]);
    expect(ids(await repos.actions.dueBy('2026-11-01'))).toEqual([first.id]);
    expect(ids(await repos.actions.list({ statuses: ['done'] }))).toEqual([done.id]);
    const amaras = await repos.actions.list({
      statuses: ['open'],
      participantId: amara.id,
      where: (a) => a.text !== 'First',
    });
    expect(ids(amaras)).toEqual([second.id]);
  });

  it('say there is no action when every one is in the trash', async () => {
    const { repos } = openDatabase();
    const amara = await repos.participants.create({ name: 'Amara' });
    const only = await repos.actions.add({ participantId: amara.id, text: 'Only' });
    await repos.trash.deleteAction(only.id);
    expect(await repos.actions.hasAny()).toBe(false);
  });

  it('give contracts and names, and count participants', async () => {
    const { repos, amara, bea } = await coachingHistory();
    const contract = await repos.contracts.create({ participantId: amara.id, title: 'Operations lead' });
    expect(ids(await repos.contracts.ofParticipant(amara.id))).toEqual([contract.id]);
    expect(ids(await repos.contracts.ofParticipant(bea.id))).toEqual([]);
    expect(ids(await repos.contracts.reviewBy(contract.nextReviewDate))).toEqual([contract.id]);
    expect(await repos.participants.names()).toEqual(
      new Map([
        [amara.id, 'Amara'],
        [bea.id, 'Bea'],
      ]),
    );
    expect(await repos.participants.count()).toBe(2);
  });
});
