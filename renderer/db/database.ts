// The one Dexie database. Every past version() stays, so a coach's database from any release
// opens; data changes between versions go in .upgrade(). Only the repositories in this folder
// touch these tables.
import Dexie, { type EntityTable, type Table } from 'dexie';
import {
  defaultConsent,
  type Action,
  type Contract,
  type ContractReview,
  type OutboxEntry,
  type Participant,
  type Session,
  type Setting,
} from '../../shared/model';

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

export class FollowthroughDatabase extends Dexie {
  participants!: EntityTable<Participant, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  contracts!: EntityTable<Contract, 'id'>;
  contractReviews!: EntityTable<ContractReview, 'id'>;
  outbox!: Table<OutboxEntry, number>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    this.version(2)
      .stores(schemaV2)
      .upgrade((tx) =>
        tx
          .table('participants')
          .toCollection()
          .modify((participant: Partial<Participant>) => {
            participant.consent ??= { ...defaultConsent };
          }),
      );
  }
}

export const CURRENT_SCHEMA_VERSION = 2;
