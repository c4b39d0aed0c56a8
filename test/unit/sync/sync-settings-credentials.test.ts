// "Secrets never in IndexedDB in plain text": an upstream address may carry a user name and
// password (https://user:password@host/…). Sync settings live in the settings table, which every
// backup copies, so such an address must be refused with a message, not stored.
import { describe, expect, it } from 'vitest';
import { databasePerTest } from '../db/test-database';
import { readSyncSettings, writeSyncSettings } from '../../../renderer/sync/settings';
import { defaultSchedule } from '../../../renderer/sync/schedule';

const openDatabase = databasePerTest();

describe('an upstream address with a password in it', () => {
  it.each([
    ['webhook', 'https://zapier:s3cret-token@hooks.example.com/catch/1'],
    ['hub', 'https://coach:s3cret-token@hub.example.org'],
    ['webhook', 'https://:s3cret-token@hooks.example.com/catch/1'],
  ] as const)('is refused for the %s with a message, and nothing of it is stored', async (kind, url) => {
    const { db } = openDatabase();
    await expect(writeSyncSettings(db, { connector: { kind, url }, schedule: defaultSchedule })).rejects.toThrow(
      /password|secret|token|user/i,
    );
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('s3cret-token');
    expect((await readSyncSettings(db)).connector).toEqual({ kind: 'off' });
  });

  it('still accepts a plain address', async () => {
    const { db } = openDatabase();
    const saved = await writeSyncSettings(db, {
      connector: { kind: 'webhook', url: 'https://hooks.example.com/catch/1' },
      schedule: defaultSchedule,
    });
    expect(saved.connector).toEqual({ kind: 'webhook', url: 'https://hooks.example.com/catch/1' });
  });
});
