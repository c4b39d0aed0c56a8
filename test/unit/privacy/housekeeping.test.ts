// The app's hourly housekeeping empties the trash of what it has kept over 30 days, as Settings → Trash says.
import { describe, expect, it, vi } from 'vitest';
import { participantWithSession } from '../db/test-database';

// The daily backup writes through the platform (the desktop's files, the browser's storage), which
// Node does not have: at that edge, and only there, the backup is stood in for. The trash is real.
vi.mock('../../../renderer/features/privacy/backup-deps', async () => {
  const { create } = await import('zustand');
  return {
    appBackupDeps: {},
    sealAppBackupsInClear: async () => ({ ok: true, value: { sealed: [], failed: [] } }),
    useAutomaticBackupStatus: create(() => ({ lastError: null })),
  };
});
vi.mock('../../../renderer/backup/backup-service', () => ({
  ensureDailyBackup: async () => ({ ok: true, value: null }),
}));

describe('housekeeping', () => {
  it('is run by the app: a session in the trash for 31 days is gone after housekeeping', async () => {
    const { database, repositories } = await import('../../../renderer/db/instance');
    const { startHousekeeping } = await import('../../../renderer/features/privacy/housekeeping');
    const { session } = await participantWithSession(repositories, { name: 'Amara' }, { date: '2026-01-02' });
    await repositories.trash.deleteSession(session.id);
    await database.sessions.update(session.id, { deletedAt: Date.now() - 31 * 86_400_000 });
    expect((await repositories.trash.list()).map((item) => item.id)).toEqual([session.id]);

    startHousekeeping(async () => undefined);
    // Housekeeping runs its chores at once (after the typing pause, here none).
    await vi.waitFor(async () => expect(await database.sessions.get(session.id)).toBeUndefined(), { timeout: 3_000 });
    await database.delete();
  });
});
