// What search looks through: one entry per kind of record that holds text the coach wrote, with
// the table it lives in and the words it is found by, and for every other table of the database,
// why it is not searched. test/unit/search/search-coverage.test.ts holds both lists against the
// database and the record schemas, so a new table or a new text field cannot be left out unseen.
import type { Table } from 'dexie';
import type { Action, Contract, ContractReview, Participant, Session } from '../../shared/model';
import type { FollowthroughDatabase } from '../db/database';

/** The GROW sections and the notes: also the excerpt a session result shows. */
export function sessionSearchText(session: Session): string {
  return [session.goal, session.reality, session.options, session.will, session.notes].join('\n');
}

const participantText = (p: Participant) =>
  [p.name, p.role, p.team, p.organisation, p.sponsor, p.cohort, p.primaryTarget, p.secondaryTarget, p.notes].join(' ');

const actionText = (a: Action) =>
  [a.text, a.owner, a.verification, a.blockedReason, ...a.history.map((change) => change.reason ?? '')].join(' ');

const contractText = (c: Contract) =>
  [
    c.title,
    c.team,
    ...c.commitments.flatMap((commitment) => [commitment.text, commitment.owner, commitment.acceptanceCriteria]),
    ...c.raci.roles,
    ...c.raci.decisions.map((decision) => decision.name),
  ].join('\n');

const reviewText = (r: ContractReview) => r.notes;

/**
 * How a kind's changes reach the index after the first build. `updatedAt`: through the table's
 * updatedAt index, for the big tables. `writes`: only through the ids Dexie announces as written,
 * for tables without that index; a write Dexie announces as a whole range reads the kind again.
 */
type ChangesFoundBy = 'updatedAt' | 'writes';

type KindOf = {
  table: TableName;
  text: (record: SearchableRecord) => string;
  changesFoundBy: ChangesFoundBy;
};

/** The index reads each kind only from its own table, so its text function gets its own records. */
const kind = <R extends SearchableRecord>(
  table: TableName,
  text: (record: R) => string,
  changesFoundBy: ChangesFoundBy,
): KindOf => ({ table, text: text as (record: SearchableRecord) => string, changesFoundBy });

export const searchKinds = ['participant', 'session', 'action', 'contract', 'review'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchedKinds: Record<SearchKind, KindOf> = {
  participant: kind('participants', participantText, 'updatedAt'),
  session: kind('sessions', sessionSearchText, 'updatedAt'),
  action: kind('actions', actionText, 'updatedAt'),
  contract: kind('contracts', contractText, 'writes'),
  review: kind('contractReviews', reviewText, 'writes'),
};

/** What every searched record has: an id, and deletedAt while it is in the trash. */
export type SearchableRecord = { id: string; updatedAt?: number; deletedAt?: number };

type TableName = {
  [K in keyof FollowthroughDatabase]: FollowthroughDatabase[K] extends Table ? K : never;
}[keyof FollowthroughDatabase];

/** Every table search does not read, and why. */
export const tablesNotSearched = {
  actionNotes: "written by the hub (a program manager's comment, a value a conflict replaced), not by the coach",
  actionReviews: 'what was decided about an earlier action in a session; the action itself is searched',
  outbox: 'copies of actions and commitments on their way upstream; the records themselves are searched',
  settings: 'device settings',
  syncRuns: "the app's own log of sync runs",
  templates: "the coach's document templates: layout, not coaching text",
  consentLog: 'dated consent choices, no text',
  actionFactGroups: 'derived numbers for the metrics',
  sessionFactGroups: 'derived numbers for the metrics',
  reviewFactGroups: 'derived numbers for the metrics',
} satisfies Partial<Record<TableName, string>>;

/** Record fields with free text that search leaves out on purpose, by kind, and why. */
export const fieldsNotSearched: Partial<Record<SearchKind, Record<string, string>>> = {
  review: {
    snapshot: 'the contract as it stood; the contract itself is searched',
    outcome: 'the contract as the review left it; the contract itself is searched',
    changes: 'written by the app from the snapshot and the outcome',
  },
};
