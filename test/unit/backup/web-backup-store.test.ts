// The web's backup store keeps each backup's description apart from its bytes, so listing the
// backups and applying the retention never read megabytes of notes; a store written by the first
// version opens with every backup listed and readable.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { backupFileName, type BackupFile } from '../../../shared/backup-files';
import { createWebBackupStore } from '../../../renderer/backup/web-backup-store';

const day = 24 * 60 * 60 * 1000;
const bytesOf = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

describe('the web backup store', () => {
  it('lists descriptions only and reads a backup’s bytes when asked', async () => {
    const name = `backups-${crypto.randomUUID()}`;
    const store = createWebBackupStore(name, () => Date.UTC(2026, 10, 28, 9, 30));
    const written = await store.writeBackup({ kind: 'manual', data: bytesOf('backup one') });
    expect(written.ok).toBe(true);

    const raw = new Dexie(name);
    await raw.open();
    const [description] = await raw.table('files').toArray();
    expect(description).toEqual({
      name: backupFileName('manual', Date.UTC(2026, 10, 28, 9, 30)),
      kind: 'manual',
      createdAt: Date.UTC(2026, 10, 28, 9, 30),
      sizeBytes: 10,
    });
    raw.close();

    await expect(store.listBackups()).resolves.toEqual({ ok: true, value: [description] });
    const read = await store.readBackup({ name: description.name });
    expect(read.ok && new TextDecoder().decode(read.value)).toBe('backup one');
  });

  it('removes the bytes of the backups the retention lets go', async () => {
    const name = `backups-${crypto.randomUUID()}`;
    let now = Date.UTC(2026, 0, 1, 9);
    const store = createWebBackupStore(name, () => now);
    for (let index = 0; index < 40; index += 1, now += day) {
      await store.writeBackup({ kind: 'daily', data: bytesOf(`day ${index}`) });
    }
    const listed = await store.listBackups();
    const names = listed.ok ? listed.value.map((file) => file.name) : [];
    expect(names.length).toBeLessThan(40);

    const raw = new Dexie(name);
    await raw.open();
    await expect(raw.table('contents').toCollection().primaryKeys()).resolves.toEqual([...names].sort());
    raw.close();
  });

  it('opens a store written by version 1, where the bytes sat with the description', async () => {
    const name = `backups-${crypto.randomUUID()}`;
    const createdAt = Date.UTC(2026, 10, 20, 8);
    const file: BackupFile = { name: backupFileName('daily', createdAt), kind: 'daily', createdAt, sizeBytes: 12 };
    const first = new Dexie(name);
    first.version(1).stores({ files: 'name, createdAt' });
    await first.table('files').put({ ...file, data: bytesOf('from before!') });
    first.close();

    const store = createWebBackupStore(name, () => createdAt + day);
    await expect(store.listBackups()).resolves.toEqual({ ok: true, value: [file] });
    const read = await store.readBackup({ name: file.name });
    expect(read.ok && new TextDecoder().decode(read.value)).toBe('from before!');
    await expect(store.readBackup({ name: backupFileName('daily', createdAt - day) })).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/is no longer stored in this browser$/),
    });
  });
});
