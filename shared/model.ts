// Domain types and their zod schemas. Every repository write parses with these, so a record in
// the database always has the shape declared here.
import { z } from 'zod';

// zod otherwise probes for eval() once, which the app's Content-Security-Policy forbids and
// Chromium reports as a violation.
z.config({ jitless: true });

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

/** The trash rule, the one place it is written: a record with a deletedAt is in the trash. */
export const isInTrash = (record: { deletedAt?: number }): boolean => record.deletedAt !== undefined;
/** Not in the trash: what every screen, export and count shows. */
export const isLive = (record: { deletedAt?: number }): boolean => !isInTrash(record);

export const coachingTiers = ['high-touch', 'peer-circle', 'scaled'] as const;
export const participantStatuses = ['active', 'paused', 'completed'] as const;
/** How often the coach means to see a participant; completing a session proposes the next at it. */
export const sessionCadences = ['weekly', 'every-two-weeks', 'monthly', 'none'] as const;
export type SessionCadence = (typeof sessionCadences)[number];
/** The program guide's rhythm for each tier: weekly 1:1s, circles every two weeks, monthly at scale. */
export const tierCadence: Record<(typeof coachingTiers)[number], SessionCadence> = {
  'high-touch': 'weekly',
  'peer-circle': 'every-two-weeks',
  scaled: 'monthly',
};
export const shareModes = ['named', 'pseudonymous', 'none'] as const;

export const consentSchema = z.object({
  keepNotes: z.boolean(),
  shareActions: z.enum(shareModes),
  aiProcessing: z.boolean(),
  /**
   * How many times the participant's pseudonym was renewed: each time their name started or
   * stopped being shared, so that a receiver cannot tie what it saw under a pseudonym alone to the
   * name it saw (or sees later). Absent: never.
   */
  pseudonymRound: z.number().int().positive().optional(),
});
export type Consent = z.infer<typeof consentSchema>;
/** A new participant's consent until the coach asks them: nothing goes upstream. */
export const defaultConsent: Consent = { keepNotes: true, shareActions: 'none', aiProcessing: false };

/**
 * The consent `after` replaces `before` with, its pseudonym renewed when the name starts or stops
 * being shared. The round never goes back, even when `after` is a copy of the consent read earlier.
 */
export function withPseudonymRenewed(before: Consent, after: Consent): Consent {
  const round = Math.max(before.pseudonymRound ?? 0, after.pseudonymRound ?? 0);
  const named = (consent: Consent) => consent.shareActions === 'named';
  const renewed = named(before) !== named(after) ? round + 1 : round;
  return renewed === 0 ? after : { ...after, pseudonymRound: renewed };
}

/** One dated change of a participant's consent, kept so the coach can show when what was agreed. */
export const consentChangeSchema = z.object({
  /** Auto-incremented by the database: the order changes were made in. */
  id: z.number().int().positive().optional(),
  participantId: z.uuid(),
  at: z.number().int().nonnegative(),
  consent: consentSchema,
  /** Null for the first entry: the consent as it stood when the log began. */
  previous: consentSchema.nullable(),
});
export type ConsentChange = z.infer<typeof consentChangeSchema>;

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
  /** Absent in records from before cadences (backups, the hub): they have none. */
  cadence: z.enum(sessionCadences).default('none'),
  notes: z.string(),
  consent: consentSchema,
});
export type Participant = z.infer<typeof participantSchema>;

export const sessionTypes = ['one-to-one', 'peer-circle', 'group', 'cohort-workshop'] as const;
/** Planned: booked ahead and not held yet; draft: being held or written up; complete: closed. */
export const sessionStatuses = ['planned', 'draft', 'complete'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

const pulseScore = z.number().int().min(1).max(5).nullable();
const pulseSchema = z.object({
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
  /**
   * The calendar event a planned session was imported from (its UID, and for one occurrence of a
   * series the original start), so importing the same file again adds nothing. Absent otherwise.
   */
  calendarEventId: z.string().min(1).max(2000).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Soonest first: by date, then by start time. */
export const bySessionStart = (a: Pick<Session, 'date' | 'startTime'>, b: Pick<Session, 'date' | 'startTime'>) =>
  a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime);

export const actionStatuses = ['open', 'done', 'verified', 'dropped', 'blocked'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const changeSources = ['coach', 'upstream'] as const;

const statusChangeSchema = z.object({
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

/** What the coach and leader decided about an earlier action when they went over it in a session. */
export const reviewOutcomes = ['still-open', 'done', 'verified', 'blocked', 'carried-forward', 'dropped'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** One earlier action gone over in a session ("Since last time"): the follow-up rate counts these. */
export const actionReviewSchema = z.object({
  id: idSchema,
  actionId: idSchema,
  participantId: idSchema,
  /** The session in which it was reviewed. */
  sessionId: idSchema,
  at: timestampSchema,
  outcome: z.enum(reviewOutcomes),
  /** Why it is blocked or dropped; empty otherwise. */
  reason: z.string().max(2000),
  /** The new due date of an action carried forward; null otherwise. */
  dueDate: calendarDateSchema.nullable(),
});
export type ActionReview = z.infer<typeof actionReviewSchema>;

/**
 * Something the Followthrough hub keeps beside an action and hands to the coach: a program
 * manager's comment, or a value a sync conflict replaced (never dropped silently). Written only by sync.
 */
export const actionNoteSchema = z.object({
  /** The hub's id for the note, so pulling it again does not duplicate it. */
  id: z.string().min(1).max(100),
  actionId: idSchema,
  at: timestampSchema,
  kind: z.enum(['comment', 'conflict']),
  author: z.string().max(200),
  text: z.string().max(10_000),
});
export type ActionNote = z.infer<typeof actionNoteSchema>;

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
  statusHistory: z.array(
    z.object({
      status: z.enum(commitmentStatuses),
      at: timestampSchema,
      /** The session in which it was set, when it was set while going over it there ("Since last time"). */
      sessionId: idSchema.optional(),
    }),
  ),
  actionIds: z.array(idSchema),
});
export type Commitment = z.infer<typeof commitmentSchema>;

const raciDecisionSchema = z.object({
  id: idSchema,
  name: z.string().max(300),
  /** One entry per role, in the order of `raci.roles`; '' is an empty cell. */
  cells: z.array(z.union([z.enum(raciLetters), z.literal('')])),
});
export type RaciDecision = z.infer<typeof raciDecisionSchema>;

const raciSchema = z.object({
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
  /** Null while the review is open: the contract's edits until it completes belong to it. */
  completedAt: timestampSchema.nullable(),
  /** The contract as the review left it; null while the review is open. */
  outcome: contractSchema.nullable(),
});
export type ContractReview = z.infer<typeof contractReviewSchema>;

const syncRecordTypes = ['action', 'commitment'] as const;
/** Held: waiting for the participant's consent to share; sent once it allows, never parked. */
const outboxStates = ['pending', 'parked', 'held'] as const;

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

/** `retry`: the app's own timer after a wait; `retry-parked`: the coach's Retry on changes that failed. */
const syncTriggers = ['manual', 'online', 'schedule', 'retry', 'retry-parked'] as const;
export type SyncTrigger = (typeof syncTriggers)[number];
const syncRunOutcomes = ['up-to-date', 'sent', 'will-retry', 'rejected', 'out-of-time', 'cancelled'] as const;
export type SyncRunOutcome = (typeof syncRunOutcomes)[number];

/** One request to the upstream (or one file written) during a sync run, and what came back. */
const syncExchangeSchema = z.object({
  at: timestampSchema,
  events: z.number().int().nonnegative(),
  /** The HTTP status; null when no answer came back or the connector writes files. */
  status: z.number().int().nullable(),
  result: z.enum(['acknowledged', 'retry', 'rejected']),
  detail: z.string().max(1000),
});
export type SyncExchange = z.infer<typeof syncExchangeSchema>;

const syncItemSchema = z.object({ recordType: z.enum(syncRecordTypes), recordId: idSchema, title: z.string() });

/**
 * A line of the Sync page history: a sync run that reached the connector or set entries aside, or
 * the coach discarding a change that failed (trigger `discard`), which is then never sent.
 */
export const syncRunSchema = z.object({
  id: z.number().int().positive().optional(),
  trigger: z.enum([...syncTriggers, 'discard'] as const),
  connector: z.string(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema,
  outcome: z.enum([...syncRunOutcomes, 'discarded'] as const),
  message: z.string(),
  sentActions: z.number().int().nonnegative(),
  sentCommitments: z.number().int().nonnegative(),
  parked: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  sentItems: z.array(syncItemSchema),
  /**
   * Every record the run delivered, listed or not, so a week's runs count each record once however
   * often it went; absent from discard lines and from runs kept before it was.
   */
  sentIds: z.object({ actions: z.array(z.string()), commitments: z.array(z.string()) }).optional(),
  /** The change a discard line is about; absent from runs, and from lines kept before discards were. */
  discardedItems: z.array(syncItemSchema).optional(),
  exchanges: z.array(syncExchangeSchema),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const settingSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

/** The exports a coach may fill from a template of their own instead of the bundled one. */
export const templateKinds = ['grow-checklist', 'session-summary', 'contract-workbook'] as const;
export type TemplateKind = (typeof templateKinds)[number];
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

/** A coach's own .docx/.xlsx template, checked on import; stays on the device and never syncs. */
export const storedTemplateSchema = z.object({
  id: idSchema,
  kind: z.enum(templateKinds),
  /** The file name as imported, shown in Settings → Templates. */
  name: z.string().trim().min(1).max(255),
  data: z
    .instanceof(Uint8Array)
    .refine((data) => data.length > 0 && data.length <= MAX_TEMPLATE_BYTES, 'A template holds 1 byte to 20 MB'),
  /** Used instead of the bundled template for its kind; at most one per kind is. */
  active: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

/**
 * Fields that hold what a leader said in confidence. They never leave the device through sync or a
 * shareable export unless the coach explicitly includes them for one export, and the retention
 * policy removes them. Will is not among them: it is the leader's own next steps, which the
 * session summary exists to hand back to the leader.
 */
export const privateFields = {
  participant: ['notes'],
  session: ['goal', 'reality', 'options', 'notes'],
} as const satisfies { participant: (keyof Participant)[]; session: (keyof Session)[] };
