// The coach's retention policy, kept in settings: whether private notes are removed some months
// after coaching ends. Changing it restarts the 30-day grace, so no policy ever removes anything
// sooner than 30 days after the coach chose it.
import { z } from 'zod';
import type { FollowthroughDatabase } from '../db/database';

const RETENTION_SETTING = 'privacy.retention';
export const RETENTION_LAST_RUN_SETTING = 'privacy.retention.last-run';
export const RETENTION_GRACE_DAYS = 30;
export const retentionMonthChoices = [6, 12, 24, 36] as const;

const retentionPolicySchema = z.object({
  mode: z.enum(['keep', 'after-coaching-ends']),
  monthsAfterEnd: z.number().int().min(1).max(120),
  /** When the coach last changed the policy: what it removes waits a full grace period from here. */
  since: z.number().int().nonnegative(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/** Nothing is removed until the coach chooses a policy; 12 months is the suggested one. */
const defaultRetentionPolicy: RetentionPolicy = { mode: 'keep', monthsAfterEnd: 12, since: 0 };

const retentionRunSchema = z.object({
  at: z.number().int().nonnegative(),
  sessions: z.number().int().nonnegative(),
  participants: z.number().int().nonnegative(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

async function readSetting<T>(db: FollowthroughDatabase, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const parsed = schema.safeParse((await db.settings.get(key))?.value);
  return parsed.success ? parsed.data : null;
}

export async function readRetentionPolicy(db: FollowthroughDatabase): Promise<RetentionPolicy> {
  return (await readSetting(db, RETENTION_SETTING, retentionPolicySchema)) ?? defaultRetentionPolicy;
}

export async function writeRetentionPolicy(
  db: FollowthroughDatabase,
  choice: Pick<RetentionPolicy, 'mode' | 'monthsAfterEnd'>,
  now: number,
): Promise<RetentionPolicy> {
  const policy = retentionPolicySchema.parse({ ...choice, since: now });
  await db.settings.put({ key: RETENTION_SETTING, value: policy });
  return policy;
}

export const readLastRetentionRun = (db: FollowthroughDatabase) =>
  readSetting(db, RETENTION_LAST_RUN_SETTING, retentionRunSchema);
