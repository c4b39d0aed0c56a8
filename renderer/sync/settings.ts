// Sync settings: which connector, where to, and when. They live in the settings table; the
// webhook's signing secret never does: it goes to the OS keychain through platform.setSecret.
import { z } from 'zod';
import type { FollowthroughDatabase } from '../db/database';
import { createLogger } from '../../shared/logger';
import { defaultSchedule, weeklyScheduleSchema } from './schedule';

const log = createLogger('sync-settings');

export const WEBHOOK_SECRET_KEY = 'sync.webhook-secret';
/** The coach's Followthrough hub token, kept like the webhook secret: in the OS keychain only. */
export const HUB_TOKEN_KEY = 'sync.hub-token';
const settingsKey = 'sync.settings';
const lastCompletedKey = 'sync.last-completed-run';

export const connectorSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({
    kind: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'Use a full http or https address, like https://hooks.example.com/…' }),
  }),
  z.object({ kind: z.literal('file-drop') }),
  z.object({
    kind: z.literal('hub'),
    url: z.url({ protocol: /^https?$/, error: 'Use the hub’s full address, like https://hub.example.org' }),
  }),
]);
export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>;

export const syncSettingsSchema = z.object({ connector: connectorSettingsSchema, schedule: weeklyScheduleSchema });
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const defaultSyncSettings: SyncSettings = { connector: { kind: 'off' }, schedule: defaultSchedule };

export async function readSyncSettings(db: FollowthroughDatabase): Promise<SyncSettings> {
  const stored = await db.settings.get(settingsKey);
  if (!stored) return defaultSyncSettings;
  const parsed = syncSettingsSchema.safeParse(stored.value);
  if (parsed.success) return parsed.data;
  log.warn('stored sync settings are unreadable; using the defaults', parsed.error.message);
  return defaultSyncSettings;
}

/** Validates and stores the settings; throws a message the coach can act on when they are refused. */
export async function writeSyncSettings(db: FollowthroughDatabase, settings: SyncSettings): Promise<SyncSettings> {
  const parsed = syncSettingsSchema.safeParse(settings);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  await db.settings.put({ key: settingsKey, value: parsed.data });
  return parsed.data;
}

export async function readLastCompletedRunAt(db: FollowthroughDatabase): Promise<number | null> {
  const value = (await db.settings.get(lastCompletedKey))?.value;
  return typeof value === 'number' ? value : null;
}

export async function writeLastCompletedRunAt(db: FollowthroughDatabase, at: number): Promise<void> {
  await db.settings.put({ key: lastCompletedKey, value: at });
}

export async function readPullCursor(db: FollowthroughDatabase, connector: string): Promise<string | null> {
  const value = (await db.settings.get(`sync.cursor.${connector}`))?.value;
  return typeof value === 'string' ? value : null;
}

export async function writePullCursor(db: FollowthroughDatabase, connector: string, cursor: string): Promise<void> {
  await db.settings.put({ key: `sync.cursor.${connector}`, value: cursor });
}
