// What IndexedDB holds once the app has written: every sealed field of every table only as
// ciphertext, read back in clear through the database, and nothing at all without the key.
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FollowthroughDatabase } from '../../../../renderer/db/database';
import { createRepositories } from '../../../../renderer/db/repositories';
import { DataLockedError, createKeyring } from '../../../../renderer/db/encryption/keyring';
import { SEALED, SealBrokenError } from '../../../../renderer/db/encryption/record-seal';
import { sealedFields } from '../../../../renderer/db/encryption/sealed-fields';
import { fillEmptyDatabase } from '../../../../renderer/demo/load-demo-data';
import { generateDataset } from '../../../fixtures/dataset';
import { databasePerTest, openKeyring, participantWithSession, sharesWithName } from '../test-database';

const openDatabase = databasePerTest();

/** The tables as IndexedDB holds them, read by a Dexie without our middleware. */
async function readStored(db: FollowthroughDatabase): Promise<Record<string, Record<string, unknown>[]>> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    const tables = await Promise.all(raw.tables.map(async (table) => [table.name, await table.toArray()] as const));
    return Object.fromEntries(tables);
  } finally {
    raw.close();
  }
}

const storedText = (rows: unknown) =>
  JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? '<bytes>' : value));

describe('the database at rest', () => {
  it('holds every sealed field of the demo dataset only as ciphertext, and gives it back in clear', async () => {
    const { db } = openDatabase();
    const dataset = generateDataset({ size: 'small' });
    await fillEmptyDatabase(db, dataset);

    const stored = await readStored(db);
    for (const [table, fields] of Object.entries(sealedFields)) {
      for (const row of stored[table] ?? []) {
        for (const field of fields) expect(row, `${table}.${field}`).not.toHaveProperty(field);
      }
    }
    expect(stored.sessions.every((row) => row[SEALED] instanceof Uint8Array)).toBe(true);
    const someReality = dataset.sessions.find((session) => session.reality.length > 40)!.reality;
    expect(storedText(stored)).not.toContain(someReality.slice(0, 40));

    expect(await db.sessions.toArray()).toEqual(expect.arrayContaining(dataset.sessions));
    expect(await db.actions.bulkGet(dataset.actions.map((action) => action.id))).toEqual(dataset.actions);
    expect(await db.contractReviews.toArray()).toEqual(expect.arrayContaining(dataset.contractReviews));
  });

  it('seals a marker written through the repositories, the outbox and the sync history included', async () => {
    const { db, repos } = openDatabase();
    const marker = 'MARKER-7f3a-private';
    const { participant, session } = await participantWithSession(
      repos,
      { name: 'Amara Okafor', notes: `${marker} participant notes`, consent: sharesWithName },
      {},
    );
    await repos.sessions.update(session.id, {
      goal: `${marker} goal`,
      reality: `${marker} reality`,
      options: `${marker} options`,
      will: `${marker} will`,
      notes: `${marker} notes`,
    });
    await repos.actions.add({
      participantId: participant.id,
      sessionId: session.id,
      text: `${marker} action`,
      verification: `${marker} verification`,
    });
    await db.syncRuns.add({
      trigger: 'manual',
      connector: 'webhook',
      startedAt: 1,
      finishedAt: 2,
      outcome: 'sent',
      message: `${marker} message`,
      sentActions: 1,
      sentCommitments: 0,
      parked: 0,
      held: 0,
      sentItems: [{ recordType: 'action', recordId: crypto.randomUUID(), title: `${marker} title` }],
      exchanges: [],
    });
    await db.settings.put({ key: 'backup.encryption', value: { secret: marker } });

    const stored = await readStored(db);
    expect(stored.outbox.length).toBeGreaterThan(0);
    expect(storedText(stored)).not.toContain(marker);
    expect((await repos.sessions.get(session.id))?.reality).toBe(`${marker} reality`);
    expect((await db.outbox.toArray()).map((entry) => JSON.stringify(entry.payload)).join()).toContain(marker);
    expect(await db.settings.get('backup.encryption')).toEqual({ key: 'backup.encryption', value: { secret: marker } });
  });

  it('refuses to read or write sealed tables while locked, but reads the device settings', async () => {
    const { db, repos } = openDatabase();
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
    await repos.settings.setValue('theme-test', 'dark');

    db.keyring.forget();
    await expect(repos.sessions.get(session.id)).rejects.toBeInstanceOf(DataLockedError);
    await expect(db.sessions.toArray()).rejects.toBeInstanceOf(DataLockedError);
    await expect(repos.sessions.update(session.id, { reality: 'typed while locked' })).rejects.toBeInstanceOf(
      DataLockedError,
    );
    await expect(db.participants.filter(() => true).toArray()).rejects.toBeInstanceOf(DataLockedError);
    expect(await repos.settings.value('theme-test')).toBe('dark');
    expect(await db.sessions.count()).toBe(1);
  });

  it('reads through a cursor (filter, each) in clear, inside a transaction with other work after it', async () => {
    const { db, repos } = openDatabase();
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' }, { date: '2026-11-03' });
    await repos.sessions.update(session.id, { reality: 'the team waits for decisions' });

    const found = await db.transaction('rw', db.sessions, db.actions, async () => {
      const matches = await db.sessions.filter((row) => row.reality.includes('waits')).toArray();
      const realities: string[] = [];
      await db.sessions.each((row) => realities.push(row.reality));
      await db.sessions.update(session.id, { notes: 'after the cursor' });
      return { matches, realities };
    });
    expect(found.matches.map((row) => row.id)).toEqual([session.id]);
    expect(found.realities).toEqual(['the team waits for decisions']);
    expect((await db.sessions.get(session.id))?.notes).toBe('after the cursor');
  });

  it('refuses a sealed blob moved onto another record, rather than showing it there', async () => {
    const { db, repos } = openDatabase();
    const first = await participantWithSession(repos, { name: 'Amara Okafor' });
    const second = await repos.sessions.create({
      participantId: first.participant.id,
      date: '2026-11-09',
      startTime: '09:00',
    });
    await repos.sessions.update(first.session.id, { reality: 'only about the first session' });

    const raw = new Dexie(db.name);
    await raw.open();
    const stolen = (await raw.table('sessions').get(first.session.id)) as Record<string, unknown>;
    await raw.table('sessions').update(second.id, { [SEALED]: stolen[SEALED] });
    raw.close();

    await expect(db.sessions.get(second.id)).rejects.toBeInstanceOf(SealBrokenError);
    expect((await db.sessions.get(first.session.id))?.reality).toBe('only about the first session');
  });

  it('cannot be read with another key', async () => {
    const { db, repos } = openDatabase();
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
    const other = new FollowthroughDatabase(db.name, createKeyring());
    other.keyring.open(
      await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    );
    await expect(other.sessions.get(session.id)).rejects.toBeInstanceOf(SealBrokenError);
    other.close();
  });

  it('gives back any text it sealed (property)', async () => {
    const { db, repos } = openDatabase();
    const { session } = await participantWithSession(repos, { name: 'Amara Okafor' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ goal: fc.string(), reality: fc.string({ unit: 'binary' }), notes: fc.string() }),
        async (text) => {
          await repos.sessions.update(session.id, text);
          const reopened = new FollowthroughDatabase(db.name, openKeyring());
          const read = await createRepositories(reopened).sessions.get(session.id);
          reopened.close();
          expect(read).toMatchObject(text);
        },
      ),
      { numRuns: 40 },
    );
  });
});
