// Small app settings kept in the database (the coach's name on documents, sync options, ...).
import type { FollowthroughDatabase } from './database';

export function settingsRepository(db: FollowthroughDatabase) {
  return {
    async text(key: string): Promise<string> {
      const value = (await db.settings.get(key))?.value;
      return typeof value === 'string' ? value : '';
    },
    async setText(key: string, value: string): Promise<void> {
      await db.settings.put({ key, value: value.trim() });
    },
    /** The stored value as it was written, for the caller to parse; undefined when none is stored. */
    async value(key: string): Promise<unknown> {
      return (await db.settings.get(key))?.value;
    },
    async setValue(key: string, value: unknown): Promise<void> {
      await db.settings.put({ key, value });
    },
    /** Reads, changes and writes one value in a single transaction, so two changes cannot interleave. */
    async update<T>(key: string, change: (stored: unknown) => T): Promise<T> {
      return db.transaction('rw', db.settings, async () => {
        const next = change((await db.settings.get(key))?.value);
        await db.settings.put({ key, value: next });
        return next;
      });
    },
    async remove(key: string): Promise<void> {
      await db.settings.delete(key);
    },
  };
}
