// The search index takes in records whose updatedAt moved past the newest one it has seen. Two
// writers put records back with the updatedAt they had elsewhere, older than that: a backup
// restore (the coach's own notes, as they were) and a hub pull (an action from another device).
import { describe, expect, it } from 'vitest';
import { participantWithSession } from '../db/test-database';
import { searchPerTest } from './search-per-test';
import { encodeDatabase } from '../../../renderer/backup/backup-service';
import { applyRestore, prepareRestore } from '../../../renderer/backup/restore';
import { createHubApplier } from '../../../renderer/sync/connectors/hub-apply';
import { participant as wireParticipant, wireAction } from '../../support/hub-wire-events';
import { memoryPlatform, testBackupKeys } from '../backup/backup-data';

const { openDatabase, indexOver } = searchPerTest();

describe('search after a backup restore', () => {
  it('finds the notes as the backup has them, and no longer the ones it replaced', async () => {
    const { db, repos, clock } = openDatabase();
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
    await repos.sessions.update(session.id, { notes: 'budget conversation with finance' });
    const keys = testBackupKeys(repos.settings);
    const backup = await encodeDatabase(db, 'export', { platform: memoryPlatform().platform, now: clock, keys });

    // Later the notes are overwritten by mistake, and the search index sees that.
    clock.advance(60_000);
    await repos.sessions.update(session.id, { notes: 'hiring plan' });
    const index = indexOver(db);
    expect(await index.search('hiring')).toHaveLength(1);
    expect(await index.search('budget')).toHaveLength(0);

    // The coach restores the backup to get the notes back.
    const plan = await prepareRestore(db, backup, { unlock: await keys.unlock() });
    if (!plan.ok) throw new Error(plan.error);
    await applyRestore(db, plan.value);
    expect((await db.sessions.get(session.id))?.notes).toBe('budget conversation with finance');

    expect(await index.search('budget')).toEqual([{ kind: 'session', recordId: session.id }]);
    expect(await index.search('hiring')).toEqual([]);
  });
});

describe('search after a hub pull', () => {
  it('finds an action pulled from another device whose last change is older than a local edit', async () => {
    const { db, repos } = openDatabase();
    const participant = await repos.participants.create({ name: 'Amara Okafor' });
    await repos.actions.add({ participantId: participant.id, text: 'Publish the triage RACI' });
    const index = indexOver(db);
    expect(await index.search('triage')).toHaveLength(1);

    // Written on the coach's laptop a week ago, pulled onto this device now.
    const fromLaptop = wireAction({ text: 'Escalation ladder for the warehouse', at: Date.UTC(2026, 9, 26, 9) });
    const apply = createHubApplier(db, () => Date.UTC(2026, 10, 2, 10));
    const pulled = await apply([
      {
        recordType: 'action',
        recordId: fromLaptop.id,
        upstreamVersion: '1',
        fields: { ...fromLaptop, participant: wireParticipant, notes: [], revision: 1 },
      },
    ]);
    expect(pulled).toEqual({ changed: 1, notKept: [] });
    expect(await db.actions.get(fromLaptop.id)).toBeDefined();

    expect(await index.search('escalation')).toEqual([{ kind: 'action', recordId: fromLaptop.id }]);
  });
});
