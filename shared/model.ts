// Domain types and their zod schemas. Every repository write parses with these, so a record in
// the database always has the shape declared here.
import { z } from 'zod';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date with no time zone, as the coach sees it: `2026-12-04`. */
export const calendarDateSchema = z
  .string()
  .regex(isoDatePattern, 'Use a date like 2026-12-04')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'That date does not exist on the calendar');
export type CalendarDate = z.infer<typeof calendarDateSchema>;

const idSchema = z.uuid();
/** Milliseconds since the epoch. */
const timestampSchema = z.number().int().nonnegative();

const recordBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Set when the record is in the trash; purged 30 days later. */
  deletedAt: timestampSchema.optional(),
};

export const coachingTiers = ['high-touch', 'peer-circle', 'scaled'] as const;
export const participantStatuses = ['active', 'paused', 'completed'] as const;
export const shareModes = ['named', 'pseudonymous', 'none'] as const;

export const consentSchema = z.object({
  keepNotes: z.boolean(),
  shareActions: z.enum(shareModes),
  aiProcessing: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;
export const defaultConsent: Consent = { keepNotes: true, shareActions: 'named', aiProcessing: false };

export const participantSchema = z.object({
  ...recordBase,
  name: z.string().trim().min(1, 'A participant needs a name').max(200),
  role: z.string().max(200),
  team: z.string().max(200),
  organisation: z.string().max(200),
  sponsor: z.string().max(200),
  cohort: z.string().max(200),
  tier: z.enum(coachingTiers),
  startDate: calendarDateSchema.nullable(),
  primaryTarget: z.string().max(500),
  secondaryTarget: z.string().max(500),
  status: z.enum(participantStatuses),
  notes: z.string(),
  consent: consentSchema,
});
export type Participant = z.infer<typeof participantSchema>;

export const sessionTypes = ['one-to-one', 'peer-circle', 'group', 'cohort-workshop'] as const;
export const sessionStatuses = ['draft', 'complete'] as const;

const pulseScore = z.number().int().min(1).max(5).nullable();
export const pulseSchema = z.object({
  preparation: pulseScore,
  clarity: pulseScore,
  documentedAction: pulseScore,
});
export type Pulse = z.infer<typeof pulseSchema>;

export const MAX_SESSION_MINUTES = 24 * 60;

export const sessionSchema = z.object({
  ...recordBase,
  participantId: idSchema,
  date: calendarDateSchema,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30'),
  durationMinutes: z
    .number()
    .int()
    .min(0, 'A duration cannot be negative')
    .max(MAX_SESSION_MINUTES, 'A session cannot last more than 24 hours'),
  /** Set while the coaching timer runs; the elapsed time is added to the duration on stop. */
  timerStartedAt: timestampSchema.nullable(),
  type: z.enum(sessionTypes),
  goal: z.string(),
  reality: z.string(),
  options: z.string(),
  will: z.string(),
  notes: z.string(),
  pulse: pulseSchema,
  status: z.enum(sessionStatuses),
  completedAt: timestampSchema.nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const actionStatuses = ['open', 'done', 'verified', 'dropped', 'blocked'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const changeSources = ['coach', 'upstream'] as const;

export const statusChangeSchema = z.object({
  status: z.enum(actionStatuses),
  at: timestampSchema,
  reason: z.string().optional(),
  source: z.enum(changeSources),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const actionSchema = z.object({
  ...recordBase,
  participantId: idSchema,
  /** Null for an action logged outside a session. */
  sessionId: idSchema.nullable(),
  text: z.string().trim().min(1, 'An action needs a one-line description').max(2000),
  owner: z.string().max(200),
  dueDate: calendarDateSchema.nullable(),
  verification: z.string().max(2000),
  status: z.enum(actionStatuses),
  blockedReason: z.string().max(2000),
  isExperiment: z.boolean(),
  /** Every status the action has had, oldest first; the metrics read their timestamps from here. */
  history: z.array(statusChangeSchema).min(1),
});
export type Action = z.infer<typeof actionSchema>;

export const contractStatuses = ['draft', 'active', 'under-review', 'retired'] as const;
export const commitmentStatuses = ['on-track', 'at-risk', 'missed', 'met'] as const;
export const raciLetters = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof raciLetters)[number];

export const commitmentSchema = z.object({
  id: idSchema,
  text: z.string().max(2000),
  owner: z.string().max(200),
  acceptanceCriteria: z.string().max(4000),
  reviewCadenceWeeks: z.number().int().min(1).max(52),
  dueDate: calendarDateSchema.nullable(),
  status: z.enum(commitmentStatuses),
  statusHistory: z.array(z.object({ status: z.enum(commitmentStatuses), at: timestampSchema })),
  actionIds: z.array(idSchema),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const raciDecisionSchema = z.object({
  id: idSchema,
  name: z.string().max(300),
  /** One entry per role, in the order of `raci.roles`; '' is an empty cell. */
  cells: z.array(z.union([z.enum(raciLetters), z.literal('')])),
});
export type RaciDecision = z.infer<typeof raciDecisionSchema>;

export const raciSchema = z.object({
  roles: z.array(z.string().max(100)),
  decisions: z.array(raciDecisionSchema),
});
export type Raci = z.infer<typeof raciSchema>;

export const contractSchema = z.object({
  ...recordBase,
  participantId: idSchema,
  title: z.string().max(300),
  team: z.string().max(200),
  startDate: calendarDateSchema,
  reviewCadenceWeeks: z.number().int().min(1).max(52),
  nextReviewDate: calendarDateSchema,
  status: z.enum(contractStatuses),
  commitments: z.array(commitmentSchema),
  raci: raciSchema,
});
export type Contract = z.infer<typeof contractSchema>;

export const contractReviewSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  at: timestampSchema,
  notes: z.string(),
  /** The whole contract as it stood when the review started, for side-by-side history. */
  snapshot: contractSchema,
  changes: z.array(z.string()),
});
export type ContractReview = z.infer<typeof contractReviewSchema>;

export const syncRecordTypes = ['action', 'commitment'] as const;
export const outboxStates = ['pending', 'parked'] as const;

export const outboxEntrySchema = z.object({
  /** A snapshot of the record when it changed; parsed again with its own schema when sent. */
  payload: z.unknown(),
  /** Auto-incremented by the database: the order entries were written in. */
  seq: z.number().int().positive().optional(),
  recordType: z.enum(syncRecordTypes),
  recordId: idSchema,
  idempotencyKey: z.string().min(1),
  payloadVersion: z.number().int().positive(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: timestampSchema,
  lastError: z.string().nullable(),
  state: z.enum(outboxStates),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

/**
 * Fields that hold what a leader said in confidence. They never leave the device through sync or a
 * shareable export unless the coach explicitly includes them for one export.
 */
export const privateFields = {
  participant: ['notes'],
  session: ['goal', 'reality', 'options', 'will', 'notes'],
} as const satisfies { participant: (keyof Participant)[]; session: (keyof Session)[] };
