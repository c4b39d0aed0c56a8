// The one Dexie database. Every past version() stays, so a coach's database from any release
// opens; data changes between versions go in .upgrade(). Only the repositories in this folder
// touch these tables.
import Dexie, { type EntityTable, type Table } from 'dexie';
import {
  type Action,
  type ActionNote,
  type ActionReview,
  type ConsentChange,
  type Contract,
  type ContractReview,
  type OutboxEntry,
  type Participant,
  type Session,
  type Setting,
  type StoredTemplate,
  type SyncRun,
} from '../../shared/model';
import {
  fillMetricFactGroups,
  fillMetricFactsV8,
  metricFactGroupStores,
  metricFactStoresV8,
  reviewFactGroupStores,
  type ActionFactGroup,
  type ReviewFactGroup,
  type SessionFactGroup,
} from './metric-facts';
import { metricFactsMiddleware } from './metric-facts-middleware';
import { encryptionMiddleware } from './encryption/encryption-middleware';
import { createKeyring, type Keyring } from './encryption/keyring';

export const DATABASE_NAME = 'followthrough';

/** Version 1: the first released schema. Kept verbatim so old databases still open. */
export const schemaV1 = {
  participants: 'id, name, status, updatedAt',
  sessions: 'id, participantId, date, status, updatedAt',
  actions: 'id, participantId, sessionId, status, dueDate, updatedAt',
  contracts: 'id, participantId, status, nextReviewDate',
  outbox: '++seq, recordId, state, nextAttemptAt',
  settings: 'key',
};

/** Version 2: contract reviews get their own table, sessions a per-participant date index, and
 * participants a consent record (existing ones get the defaults). */
export const schemaV2 = {
  ...schemaV1,
  sessions: 'id, participantId, date, status, updatedAt, [participantId+date]',
  contractReviews: 'id, contractId, at',
};

/** Version 3: the coach's own document templates (Settings → Templates). */
export const schemaV3 = { ...schemaV2, templates: 'id, kind, name' };

export class FollowthroughDatabase extends Dexie {
  participants!: EntityTable<Participant, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  actionNotes!: EntityTable<ActionNote, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  contractReviews!: EntityTable<ContractReview, 'id'>;
  outbox!: Table<OutboxEntry, number>;
  settings!: EntityTable<Setting, 'key'>;
  syncRuns!: Table<SyncRun, number>;
  templates!: EntityTable<StoredTemplate, 'id'>;
  consentLog!: Table<ConsentChange, number>;
  actionReviews!: EntityTable<ActionReview, 'id'>;
  /** Derived: written only by metricFactsMiddleware (see metric-facts.ts). */
  actionFactGroups!: EntityTable<ActionFactGroup, 'participantId'>;
  sessionFactGroups!: EntityTable<SessionFactGroup, 'participantId'>;
  reviewFactGroups!: EntityTable<ReviewFactGroup, 'participantId'>;

  /** The data key its sealed tables are read and written with (encryption/keyring.ts). */
  readonly keyring: Keyring;

  constructor(name: string = DATABASE_NAME, keyring: Keyring = createKeyring()) {
    super(name);
    this.keyring = keyring;
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade((tx) =>
        tx
          .table('participants')
          .toCollection()
          .modify((participant: Partial<Participant>) => {
            // Before consent was asked, every participant's actions went upstream with their name.
            participant.consent ??= { keepNotes: true, shareActions: 'named', aiProcessing: false };
          }),
      );
    this.version(3).stores(schemaV3);
    // Version 4: the history of sync runs shown on the Sync page. Dexie keeps the tables not named.
    this.version(4).stores({ syncRuns: '++id, startedAt' });
    // Version 5: a contract review may be open (completedAt null) and keeps the contract as it left it.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('contractReviews')
          .toCollection()
          .modify((review: Partial<ContractReview>) => {
            review.completedAt ??= review.at;
            review.outcome ??= null;
          }),
      );
    // Version 6: a dated log of consent changes; each participant's consent so far is its first entry.
    this.version(6)
      .stores({ consentLog: '++id, participantId, at' })
      .upgrade(async (tx) => {
        const at = Date.now();
        const participants: Participant[] = await tx.table('participants').toArray();
        const firstEntries: ConsentChange[] = participants.map((participant) => ({
          participantId: participant.id,
          at,
          consent: participant.consent,
          previous: null,
        }));
        await tx.table('consentLog').bulkAdd(firstEntries);
      });
    // Version 7: comments and conflict notes the Followthrough hub keeps beside an action.
    this.version(7).stores({ actionNotes: 'id, actionId' });
    // Version 8: what the metrics read of each action and session, as flat rows the middleware keeps.
    this.version(8).stores(metricFactStoresV8).upgrade(fillMetricFactsV8);
    // Version 9: those facts grouped, one row per participant, which Chromium reads many times faster.
    this.version(9)
      .stores(metricFactGroupStores)
      .upgrade((tx) => fillMetricFactGroups(tx, ['actionFactGroups', 'sessionFactGroups']));
    // Version 10: participants get a session cadence (none until the coach sets one), and the
    // reviews of earlier actions made in a session ("Since last time") get their own table.
    this.version(10)
      .stores({ actionReviews: 'id, actionId, sessionId, participantId' })
      .upgrade((tx) =>
        tx
          .table('participants')
          .toCollection()
          .modify((participant: Partial<Participant>) => {
            participant.cadence ??= 'none';
          }),
      );
    // Version 11: the reviews' facts grouped like the others, and every group filled again, since
    // an action's facts now say when it was dropped (the follow-up rate needs it). Actions get a
    // participant-and-status index, so a prep card reads a participant's open actions only.
    this.version(11)
      .stores({ ...reviewFactGroupStores, actions: `${schemaV1.actions}, [participantId+status]` })
      .upgrade((tx) => fillMetricFactGroups(tx));
    // Version 12: planned sessions imported from a calendar file keep the event they came from,
    // indexed so a second import of the same file finds them.
    this.version(12).stores({ sessions: `${schemaV2.sessions}, calendarEventId` });
    this.use(metricFactsMiddleware);
    this.use(encryptionMiddleware(keyring));
  }
}

export const CURRENT_SCHEMA_VERSION = 12;
