// A backup from an older version is brought to the current one by the app's own upgrade code:
// its records are written into a temporary database declared exactly as the backup's version
// was, then that database is opened by the current FollowthroughDatabase, which runs every
// upgrade() since, just as it does for a coach's real database. Nothing is transformed by hand,
// so a restored old backup and an upgraded old database always agree. The temporary database is
// sealed like the real one: a restore never leaves the coach's notes in clear on disk.
import Dexie from 'dexie';
import { FollowthroughDatabase } from '../db/database';
import { encryptionMiddleware } from '../db/encryption/encryption-middleware';
import type { Keyring } from '../db/encryption/keyring';
import type { BackupContent } from './backup-format';
import { readSnapshot } from './snapshot';

export async function migrateToCurrent(
  content: BackupContent,
  currentVersion: number,
  keyring: Keyring,
): Promise<BackupContent> {
  if (content.schemaVersion === currentVersion) return content;
  const name = `followthrough-restore-${crypto.randomUUID()}`;
  try {
    const old = new Dexie(name);
    old.version(content.schemaVersion).stores(content.stores);
    old.use(encryptionMiddleware(keyring));
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const table of old.tables) await table.bulkAdd(content.tables[table.name] ?? []);
    });
    old.close();
    const upgraded = new FollowthroughDatabase(name, keyring);
    try {
      return await readSnapshot(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    await Dexie.delete(name);
  }
}
