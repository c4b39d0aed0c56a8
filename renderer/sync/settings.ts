// Sync settings: which connector, where to, and when. They live in the settings table; the
// webhook's signing secret never does: it goes to platform.setSecret (the OS keychain, or on the
// web an encrypted store of its own).
import { z } from 'zod';
import type { FollowthroughDatabase } from '../db/database';
import { createLogger } from '../../shared/logger';
import { CLEARTEXT_UPSTREAM_MESSAGE, isEncryptedOrLocal } from '../../shared/upstream-url';
import { defaultSchedule, weeklyScheduleSchema } from './schedule';

const log = createLogger('sync-settings');

/**
 * Every setting of sync's starts so: where it sends to, its pause, cursors and the hub's own
 * records. They belong to this device, and a restore keeps them as they are.
 */
export const isSyncSetting = (key: string) => key.startsWith('sync.');

export const WEBHOOK_SECRET_KEY = 'sync.webhook-secret';
/** The coach's Followthrough hub token, kept like the webhook secret: through platform.setSecret only. */
export const HUB_TOKEN_KEY = 'sync.hub-token';
const settingsKey = 'sync.settings';
const lastCompletedKey = 'sync.last-completed-run';
// The stored name predates the word "pause"; kept so a pause set before an update still applies.
const pauseKey = 'sync.upstream-hold';
const revisionKey = 'sync.settings-revision';

/**
 * An address with a user name or password in it (https://user:password@host/…) would keep that
 * password in the settings table, and so in every backup, in plain text; fetch refuses to send it
 * anyway. The secret belongs in its own field, which is kept encrypted.
 */
const withoutCredentials = (url: string) => {
  try {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '';
  } catch {
    return true;
  }
};

const connectorSettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({
    kind: z.literal('webhook'),
    url: z
      .url({ protocol: /^https?$/, error: 'Use a full http or https address, like https://hooks.example.com/…' })
      .refine(
        withoutCredentials,
        'Leave the user name and password out of the address: put the secret in the signing secret field, where it is kept encrypted',
      ),
  }),
  z.object({ kind: z.literal('file-drop') }),
  z.object({
    kind: z.literal('hub'),
    url: z
      .url({ protocol: /^https?$/, error: 'Use the hub’s full address, like https://hub.example.org' })
      .refine(
        withoutCredentials,
        'Leave the user name and password out of the hub’s address: put your hub token in its own field, where it is kept encrypted',
      ),
  }),
]);
export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>;

export const syncSettingsSchema = z.object({ connector: connectorSettingsSchema, schedule: weeklyScheduleSchema });
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/**
 * What a save must also pass: a remote upstream over https. Settings stored before this rule still
 * read as they are (sync then refuses to send and says why) rather than silently turning sync off.
 */
export const savedSyncSettingsSchema = syncSettingsSchema.refine(
  ({ connector }) => !('url' in connector) || isEncryptedOrLocal(connector.url),
  { message: CLEARTEXT_UPSTREAM_MESSAGE, path: ['connector', 'url'] },
);

const defaultSyncSettings: SyncSettings = { connector: { kind: 'off' }, schedule: defaultSchedule };

export async function readSyncSettings(db: FollowthroughDatabase): Promise<SyncSettings> {
  const stored = await db.settings.get(settingsKey);
  if (!stored) return defaultSyncSettings;
  const parsed = syncSettingsSchema.safeParse(stored.value);
  if (parsed.success) return parsed.data;
  log.warn('stored sync settings are unreadable; using the defaults', parsed.error.message);
  return defaultSyncSettings;
}

/** The sync settings among setting records (a backup's), or null when there are none readable. */
export function syncSettingsAmong(records: { key: string; value: unknown }[]): SyncSettings | null {
  const parsed = syncSettingsSchema.safeParse(records.find((record) => record.key === settingsKey)?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Validates and stores the settings; throws a message the coach can act on when they are refused.
 * Each save is a new revision: a refused connection pauses sync only under the revision it met.
 */
export async function writeSyncSettings(db: FollowthroughDatabase, settings: SyncSettings): Promise<SyncSettings> {
  const parsed = savedSyncSettingsSchema.safeParse(settings);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  await db.transaction('rw', db.settings, async () => {
    const revision = await readSettingsRevision(db);
    await db.settings.bulkPut([
      { key: settingsKey, value: parsed.data },
      { key: revisionKey, value: revision + 1 },
    ]);
  });
  return parsed.data;
}

async function readSettingsRevision(db: FollowthroughDatabase): Promise<number> {
  const value = (await db.settings.get(revisionKey))?.value;
  return typeof value === 'number' ? value : 0;
}

export async function readLastCompletedRunAt(db: FollowthroughDatabase): Promise<number | null> {
  const value = (await db.settings.get(lastCompletedKey))?.value;
  return typeof value === 'number' ? value : null;
}

export async function writeLastCompletedRunAt(db: FollowthroughDatabase, at: number): Promise<void> {
  await db.settings.put({ key: lastCompletedKey, value: at });
}

/**
 * The upstream's pause, not to be confused with changes held back for consent. The upstream is not
 * to be asked again until `until` after a failed attempt, of which the upstream's own Retry-After
 * asked for the part up to `retryAfterUntil`; or, with `until` null,
 * after it refused the connection itself, until the coach saves Sync settings (a new
 * `settingsRevision`). Kept per connector, so a pause never outlives a change of upstream.
 */
const upstreamPauseSchema = z.object({
  connector: z.string(),
  settingsRevision: z.number(),
  reason: z.string(),
  until: z.number().nullable(),
  retryAfterUntil: z.number().nullable(),
  /** The entries a refused connection set aside, to send again once the coach has acted. */
  setAside: z.array(z.number()).default([]),
});
export type UpstreamPause = z.infer<typeof upstreamPauseSchema>;

/**
 * The pause on `connector` that still applies, if any, and the settings' revision to make a new one
 * under; `refusedEntries`: what the last refused connection set aside, whether it applies or not.
 */
export async function readUpstreamPause(
  db: FollowthroughDatabase,
  connector: string,
): Promise<{ pause: UpstreamPause | null; settingsRevision: number; refusedEntries: number[] }> {
  const [stored, settingsRevision] = await Promise.all([db.settings.get(pauseKey), readSettingsRevision(db)]);
  const parsed = upstreamPauseSchema.safeParse(stored?.value);
  if (!parsed.success) return { pause: null, settingsRevision, refusedEntries: [] };
  const pause = parsed.data;
  const applies =
    pause.connector === connector && (pause.until !== null || pause.settingsRevision === settingsRevision);
  const refusedEntries = pause.until === null ? pause.setAside : [];
  return { pause: applies ? pause : null, settingsRevision, refusedEntries };
}

export async function writeUpstreamPause(db: FollowthroughDatabase, pause: UpstreamPause | null): Promise<void> {
  if (pause) await db.settings.put({ key: pauseKey, value: pause });
  else await db.settings.delete(pauseKey);
}

export async function readPullCursor(db: FollowthroughDatabase, connector: string): Promise<string | null> {
  const value = (await db.settings.get(`sync.cursor.${connector}`))?.value;
  return typeof value === 'string' ? value : null;
}

export async function writePullCursor(db: FollowthroughDatabase, connector: string, cursor: string): Promise<void> {
  await db.settings.put({ key: `sync.cursor.${connector}`, value: cursor });
}
