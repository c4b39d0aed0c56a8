// Acceptance: a real hub on 127.0.0.1 and two app clients of one coach (two separate databases,
// repositories and sync engines). Offline edits on both converge; an upstream "done" reaches
// both; concurrent edits follow README.md ("The Followthrough hub")'s rule with the losing value in the history; nothing
// duplicates and nothing pulled is pushed back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubActionListSchema, type HubAction } from '../../../shared/hub-protocol';
import type { Action } from '../../../shared/model';
import { sharesWithName } from '../db/test-database';
import { call, engineUnderTest, startTestHub, type TestHub } from './hub-fixture';
import { coachDevice, syncedView, type CoachDevice } from './hub-client';
import { reportMessage } from '../../../renderer/sync/wording';

let hub: TestHub;
let managerToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  managerToken = await hub.managerToken('Northwind', 'Pat Lee');
}, 60_000);

afterAll(() => hub?.close());

async function twoDevices(coach: string) {
  const laptop = coachDevice({ hubUrl: hub.url, token: await hub.coachToken('Northwind', coach, `${coach} laptop`) });
  const desktop = coachDevice({
    hubUrl: hub.url,
    token: await hub.coachToken('Northwind', coach, `${coach} desktop`),
    start: Date.UTC(2026, 10, 2, 9, 30),
  });
  const participant = await laptop.repos.participants.create({ name: 'Amara Okafor', consent: sharesWithName });
  await desktop.adopt(participant);
  return { laptop, desktop, participant };
}

async function syncAll(...devices: CoachDevice[]) {
  const messages = [];
  for (const device of devices) {
    const report = await device.sync();
    expect(['sent', 'up-to-date'], reportMessage(report)).toContain(report.outcome);
    messages.push(reportMessage(report));
  }
  return messages;
}

async function hubActions(coachName: string): Promise<HubAction[]> {
  const list = hubActionListSchema.parse(
    (await call(hub, managerToken, '/v1/actions?includeDeleted=true&limit=1000')).body,
  );
  return list.actions.filter((action) => action.coach.name === coachName);
}

async function expectConverged(laptop: CoachDevice, desktop: CoachDevice, coachName: string) {
  const [mine, theirs, upstream] = await Promise.all([laptop.actions(), desktop.actions(), hubActions(coachName)]);
  expect(mine.map(syncedView)).toEqual(theirs.map(syncedView));
  expect(new Set(mine.map((action) => action.id)).size).toBe(mine.length);
  expect(upstream.map((action) => action.id).sort()).toEqual(mine.map((action) => action.id));
  for (const action of mine) {
    const onHub = upstream.find((candidate) => candidate.id === action.id)!;
    expect(onHub.status).toBe(action.status);
    expect(onHub.text).toBe(action.text);
    const keys = action.history.map((change) => `${change.status}|${change.at}|${change.source}`);
    expect(new Set(keys).size, 'no history entry twice').toBe(keys.length);
  }
  expect(await laptop.outboxSize()).toBe(0);
  expect(await desktop.outboxSize()).toBe(0);
  return mine;
}

const byText = (actions: Action[], text: string) => actions.find((action) => action.text === text)!;

describe(`two app clients against the hub on ${engineUnderTest}`, () => {
  it('converges offline edits made on both devices, and pushes nothing it pulled', async () => {
    const { laptop, desktop, participant } = await twoDevices('Dana Smith');
    const made = await laptop.repos.actions.addMany(
      ['Book the skip-level meetings', 'Write the delegation plan', 'Ask two peers for feedback'].map((text) => ({
        participantId: participant.id,
        text,
      })),
    );
    await desktop.repos.actions.add({
      participantId: participant.id,
      text: 'Try the new 1:1 format',
      isExperiment: true,
    });
    // A pull also returns a device's own pushes; only what changed locally counts as received.
    expect(await syncAll(laptop, desktop, laptop)).toEqual([
      'Sent 3 actions',
      'Sent 1 action; received 3 changes from the upstream',
      'Nothing new to send; received 1 change from the upstream',
    ]);
    expect(await desktop.outboxSize()).toBe(0);
    await expectConverged(laptop, desktop, 'Dana Smith');

    // Both offline: each edits different actions and fields, and adds one.
    laptop.setOnline(false);
    desktop.setOnline(false);
    laptop.clock.advance(60_000);
    desktop.clock.advance(90_000);
    await laptop.repos.actions.update(made[0].id, { text: 'Book the skip-level meetings for March' });
    await laptop.repos.actions.setStatus(made[1].id, 'done');
    await desktop.repos.actions.update(made[2].id, { owner: 'Amara and Sam', dueDate: '2026-12-01' });
    await desktop.repos.actions.setStatus(made[0].id, 'blocked', 'Waiting for the calendar owner');
    await laptop.repos.actions.add({ participantId: participant.id, text: 'Laptop-only action' });
    await desktop.repos.actions.add({ participantId: participant.id, text: 'Desktop-only action' });
    expect((await laptop.sync()).outcome).toBe('offline');

    laptop.setOnline(true);
    desktop.setOnline(true);
    await syncAll(laptop, desktop, laptop);
    const converged = await expectConverged(laptop, desktop, 'Dana Smith');
    expect(converged).toHaveLength(6);
    expect(byText(converged, 'Book the skip-level meetings for March')).toMatchObject({
      status: 'blocked',
      blockedReason: 'Waiting for the calendar owner',
    });
    expect(byText(converged, 'Write the delegation plan').status).toBe('done');
    expect(byText(converged, 'Ask two peers for feedback')).toMatchObject({
      owner: 'Amara and Sam',
      dueDate: '2026-12-01',
    });
    expect(converged.map((action) => action.text)).toEqual(
      expect.arrayContaining(['Laptop-only action', 'Desktop-only action']),
    );
    await Promise.all([laptop.close(), desktop.close()]);
  });

  it('brings an upstream "done" to both devices, in the status history', async () => {
    const { laptop, desktop, participant } = await twoDevices('Lee Park');
    const action = await laptop.repos.actions.add({ participantId: participant.id, text: 'Share the Q3 plan' });
    await syncAll(laptop, desktop);

    const marked = await call<HubAction>(hub, managerToken, `/v1/actions/${action.id}/status`, {
      body: { status: 'done', note: 'Confirmed in the team review' },
    });
    expect(marked.status).toBe(200);
    await syncAll(laptop, desktop);

    for (const device of [laptop, desktop]) {
      const local = (await device.repos.actions.get(action.id))!;
      expect(local.status).toBe('done');
      expect(local.history.at(-1)).toMatchObject({
        status: 'done',
        source: 'upstream',
        reason: 'By Pat Lee: Confirmed in the team review',
      });
      expect(await device.outboxSize()).toBe(0);
    }
    await expectConverged(laptop, desktop, 'Lee Park');
    await Promise.all([laptop.close(), desktop.close()]);
  });

  it('lets the later status change by hub order win over upstream, keeping the loser in history and a note', async () => {
    const { laptop, desktop, participant } = await twoDevices('Noor Ali');
    const action = await laptop.repos.actions.add({ participantId: participant.id, text: 'Run the first retro' });
    await syncAll(laptop, desktop);

    laptop.setOnline(false);
    laptop.clock.advance(60_000);
    await laptop.repos.actions.setStatus(action.id, 'blocked', 'The team is on holiday');
    await call(hub, managerToken, `/v1/actions/${action.id}/status`, { body: { status: 'done' } });
    laptop.setOnline(true);
    await syncAll(laptop, desktop, laptop);

    const [mine] = (await expectConverged(laptop, desktop, 'Noor Ali')).filter(
      (candidate) => candidate.id === action.id,
    );
    expect(mine.status).toBe('blocked');
    expect(mine.history.map((change) => `${change.status}/${change.source}`)).toEqual([
      'open/coach',
      'done/upstream',
      'blocked/coach',
    ]);
    for (const device of [laptop, desktop]) {
      const notes = await device.notes(action.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: 'conflict', author: 'Pat Lee' });
      expect(notes[0].text).toBe('Status: kept “blocked”, replaced “done” (changed upstream by Pat Lee)');
    }

    // Upstream comes later this time: its "done" wins, the coach's "blocked" stays in the history.
    await call(hub, managerToken, `/v1/actions/${action.id}/status`, { body: { status: 'done' } });
    await syncAll(laptop, desktop);
    const [after] = (await expectConverged(laptop, desktop, 'Noor Ali')).filter(
      (candidate) => candidate.id === action.id,
    );
    expect(after.status).toBe('done');
    expect(after.history.map((change) => change.status)).toEqual(['open', 'done', 'blocked', 'done']);
    await Promise.all([laptop.close(), desktop.close()]);
  });

  it("keeps the other device's text as a conflict note when both edited the same field", async () => {
    const { laptop, desktop, participant } = await twoDevices('Sam Rivera');
    const action = await laptop.repos.actions.add({ participantId: participant.id, text: 'Draft the agenda' });
    await syncAll(laptop, desktop);

    laptop.clock.advance(60_000);
    desktop.clock.advance(30_000);
    await laptop.repos.actions.update(action.id, { text: 'Draft the agenda with Amara' });
    await desktop.repos.actions.update(action.id, {
      text: 'Draft and send the agenda',
      verification: 'Agenda in the invite',
    });
    await syncAll(laptop, desktop, laptop);

    const [mine] = (await expectConverged(laptop, desktop, 'Sam Rivera')).filter(
      (candidate) => candidate.id === action.id,
    );
    expect(mine).toMatchObject({ text: 'Draft and send the agenda', verification: 'Agenda in the invite' });
    for (const device of [laptop, desktop]) {
      const notes = await device.notes(action.id);
      expect(notes.map((note) => note.text)).toEqual([
        'Action: kept “Draft and send the agenda”, replaced “Draft the agenda with Amara” (set on Sam Rivera laptop)',
      ]);
    }
    await Promise.all([laptop.close(), desktop.close()]);
  });

  it('gives a device that does not know the participant one local participant for all of their actions', async () => {
    const laptop = coachDevice({ hubUrl: hub.url, token: await hub.coachToken('Northwind', 'Ivy Chen', 'Ivy laptop') });
    const fresh = coachDevice({
      hubUrl: hub.url,
      token: await hub.coachToken('Northwind', 'Ivy Chen', 'Ivy new laptop'),
    });
    const participant = await laptop.repos.participants.create({ name: 'Jordan Blake', consent: sharesWithName });
    await laptop.repos.actions.addMany([
      { participantId: participant.id, text: 'First' },
      { participantId: participant.id, text: 'Second' },
    ]);
    await syncAll(laptop, fresh);
    await laptop.repos.actions.add({ participantId: participant.id, text: 'Third' });
    await syncAll(laptop, fresh, fresh);

    const participants = await fresh.db.participants.toArray();
    expect(participants.map((local) => local.name)).toEqual(['Jordan Blake']);
    const actions = await fresh.actions();
    expect(actions.map((action) => action.text).sort()).toEqual(['First', 'Second', 'Third']);
    expect(new Set(actions.map((action) => action.participantId))).toEqual(new Set([participants[0].id]));
    expect(await fresh.outboxSize()).toBe(0);
    await Promise.all([laptop.close(), fresh.close()]);
  });
});
