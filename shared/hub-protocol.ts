// The wire format between the app's hub connector, the program manager page and the Followthrough
// hub (server/). A push is the webhook batch of shared/sync-protocol.ts plus the cursor the
// device had pulled to; everything the hub answers is parsed with these schemas on the app side.
// README.md ("The Followthrough hub") describes the same for people.
import { z } from 'zod';
import { actionStatuses, calendarDateSchema, changeSources } from './model';
import { syncBatchSchema, wireActionSchema, wireParticipantSchema } from './sync-protocol';

export const HUB_PROTOCOL_VERSION = 1;

export const hubPaths = {
  health: '/health',
  me: '/v1/me',
  push: '/v1/push',
  pull: '/v1/pull',
  coaches: '/v1/coaches',
  actions: '/v1/actions',
  actionsCsv: '/v1/actions.csv',
  status: (actionId: string) => `/v1/actions/${actionId}/status`,
  comments: (actionId: string) => `/v1/actions/${actionId}/comments`,
} as const;

/** How far a device has pulled: the hub's change counter for its coach, as decimal digits. */
const hubCursorSchema = z.string().regex(/^\d{1,15}$/, 'A cursor is the number a previous pull returned');

export const MAX_PULL_PAGE = 500;

const isoTimestamp = z.iso.datetime({ offset: false });

export const hubPushRequestSchema = syncBatchSchema.extend({
  /** The cursor this device had pulled to when it queued these changes; null before its first pull. */
  baseCursor: hubCursorSchema.nullable(),
});
export type HubPushRequest = z.infer<typeof hubPushRequestSchema>;

export const hubHistoryEntrySchema = wireActionSchema.shape.history.element;
export type HubHistoryEntry = z.infer<typeof hubHistoryEntrySchema>;

/** The fields a conflict can be about: the coach's own, and the status upstream may change. */
export const hubConflictFields = [
  'text',
  'owner',
  'dueDate',
  'verification',
  'isExperiment',
  'deleted',
  'status',
] as const;
export type HubConflictField = (typeof hubConflictFields)[number];

/** Something the hub keeps beside an action: a program manager's comment, or a value a conflict replaced. */
export const hubNoteSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('comment'), id: z.string(), at: isoTimestamp, author: z.string(), text: z.string() })
    .strict(),
  z
    .object({
      kind: z.literal('conflict'),
      id: z.string(),
      at: isoTimestamp,
      field: z.enum(hubConflictFields),
      /** The value in force after the conflict, and the one it replaced, as text. */
      keptValue: z.string(),
      lostValue: z.string(),
      /** Who made the change that lost: "coach" (this coach, another device) or "upstream" (a manager). */
      lostBy: z.enum(changeSources),
      lostAuthor: z.string(),
      /** The conflict in one sentence, for people. */
      summary: z.string(),
    })
    .strict(),
]);
export type HubNote = z.infer<typeof hubNoteSchema>;

/**
 * The hub's version of one action, what push answers and pull returns: the wire action (its
 * `history` in the order the changes reached the hub, the last one in force) with whose it is,
 * the hub's notes, and `revision`, the hub's change counter when it last changed (higher is later).
 */
export const hubActionSchema = wireActionSchema.extend({
  participant: wireParticipantSchema,
  notes: z.array(hubNoteSchema),
  revision: z.number().int().nonnegative(),
});
export type HubAction = z.infer<typeof hubActionSchema>;

const hubPushOutcomes = ['applied', 'duplicate', 'ignored', 'refused'] as const;

const hubPushResultSchema = z
  .object({
    idempotencyKey: z.string(),
    outcome: z.enum(hubPushOutcomes),
    /** Why an event was refused or ignored; empty otherwise. */
    detail: z.string(),
    /** The hub's version of the action after this event; null for other records and refusals. */
    action: hubActionSchema.nullable(),
  })
  .strict();
export type HubPushResult = z.infer<typeof hubPushResultSchema>;

export const hubPushResponseSchema = z.object({ batchId: z.string(), results: z.array(hubPushResultSchema) }).strict();
export type HubPushResponse = z.infer<typeof hubPushResponseSchema>;

export const hubPullQuerySchema = z
  .object({
    cursor: hubCursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).optional(),
  })
  .strict();

export const hubPullResponseSchema = z
  .object({
    actions: z.array(hubActionSchema),
    /** Pass it back as `cursor` for the next page; unchanged when nothing was new. */
    cursor: hubCursorSchema,
    hasMore: z.boolean(),
  })
  .strict();
export type HubPullResponse = z.infer<typeof hubPullResponseSchema>;

/** What a program manager may set upstream. */
const upstreamStatuses = ['done', 'verified'] as const;

export const hubStatusUpdateSchema = z
  .object({
    status: z.enum(upstreamStatuses),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type HubStatusUpdate = z.infer<typeof hubStatusUpdateSchema>;

export const hubCommentRequestSchema = z
  .object({ text: z.string().trim().min(1, 'A comment needs some text').max(4000) })
  .strict();

export const hubActionFilterSchema = z
  .object({
    coach: z.uuid().optional(),
    status: z.enum(actionStatuses).optional(),
    /** Words in the text, owner or participant name. */
    q: z.string().trim().max(200).optional(),
    dueBefore: calendarDateSchema.optional(),
    includeDeleted: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type HubActionFilter = z.infer<typeof hubActionFilterSchema>;

const hubListedActionSchema = hubActionSchema.extend({
  coach: z.object({ id: z.uuid(), name: z.string() }).strict(),
});
export type HubListedAction = z.infer<typeof hubListedActionSchema>;

export const hubActionListSchema = z
  .object({ actions: z.array(hubListedActionSchema), total: z.number().int().nonnegative() })
  .strict();

const hubRoles = ['coach', 'manager'] as const;

export const hubWhoAmISchema = z
  .object({
    role: z.enum(hubRoles),
    organisation: z.object({ id: z.uuid(), name: z.string() }).strict(),
    /** Null for a program manager. */
    coach: z.object({ id: z.uuid(), name: z.string() }).strict().nullable(),
    tokenLabel: z.string(),
  })
  .strict();
export type HubWhoAmI = z.infer<typeof hubWhoAmISchema>;

export const hubErrorCodes = [
  'unauthorized',
  'forbidden',
  'not-found',
  'invalid-request',
  'payload-too-large',
  'rate-limited',
  'conflict',
  'unsupported-media-type',
  'internal',
] as const;

export const hubErrorSchema = z
  .object({
    error: z
      .object({
        code: z.enum(hubErrorCodes),
        message: z.string(),
        issues: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .strict();
export type HubError = z.infer<typeof hubErrorSchema>;
