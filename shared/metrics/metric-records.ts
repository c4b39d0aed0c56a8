// The slice of each domain record the measures read, flattened: of an action's status history only
// the instants the measures ask about, of a session's pulse its three answers. The database keeps
// one such row beside every action and session (renderer/db/metric-facts.ts), so the Metrics page
// reads small flat rows instead of full records; the projections below are the one definition of
// those rows, for the database and for records held in memory alike.
import {
  isInTrash,
  type Action,
  type ActionReview,
  type Commitment,
  type Contract,
  type Participant,
  type Pulse,
  type Session,
} from '../model';
import { firstTimeIn, resultingHistory } from '../action-status';

export type MetricParticipant = Pick<Participant, 'id' | 'name' | 'team' | 'cohort' | 'deletedAt'>;

/** One time an action was marked blocked, and the next change to another status, if any yet. */
export type BlockedSpell = {
  blockedAt: number;
  /** When the action next became open, done, verified or dropped; null while still blocked. */
  endedAt: number | null;
  /** Whether that change was to dropped, which ends the block without unblocking it. */
  dropped: boolean;
};

export type MetricAction = Pick<
  Action,
  'id' | 'participantId' | 'sessionId' | 'createdAt' | 'isExperiment' | 'deletedAt'
> & {
  /** When the action first reached done or verified, or null if it never has. */
  completedAt: number | null;
  /** When it was first verified, or null. */
  verifiedAt: number | null;
  /** When it was first dropped, or null. */
  droppedAt: number | null;
  /** Every time it was marked blocked, in history order; absent when it never was, as for most actions. */
  blocks?: BlockedSpell[];
};

export type MetricSession = Pick<
  Session,
  'id' | 'participantId' | 'date' | 'startTime' | 'durationMinutes' | 'deletedAt'
> &
  Pulse;

export type MetricCommitment = Pick<Commitment, 'id' | 'dueDate' | 'statusHistory'>;
export type MetricContract = Pick<Contract, 'id' | 'participantId' | 'deletedAt'> & {
  commitments: MetricCommitment[];
};

/** That an earlier action was gone over in a session ("Since last time"). */
export type MetricReview = Pick<ActionReview, 'id' | 'actionId' | 'sessionId' | 'participantId'>;

export type MetricRecords = {
  participants: MetricParticipant[];
  sessions: MetricSession[];
  actions: MetricAction[];
  contracts: MetricContract[];
  reviews: MetricReview[];
};

export const emptyRecords: MetricRecords = { participants: [], sessions: [], actions: [], contracts: [], reviews: [] };

/** What an action must hold to be projected: full actions fit. */
export type ActionSource = Pick<
  Action,
  'id' | 'participantId' | 'sessionId' | 'createdAt' | 'isExperiment' | 'history' | 'deletedAt'
>;
type SessionSource = Pick<
  Session,
  'id' | 'participantId' | 'date' | 'startTime' | 'durationMinutes' | 'pulse' | 'deletedAt'
>;

/** When the action first reached done or verified, if it ever did. */
function completedAt(action: Pick<Action, 'history'>): number | null {
  return action.history.find((change) => change.status === 'done' || change.status === 'verified')?.at ?? null;
}

/** Each blocked entry of the history with the first later change that is not blocked. */
function blockedSpells(action: Pick<Action, 'history'>): BlockedSpell[] {
  const spells: BlockedSpell[] = [];
  let next: Action['history'][number] | null = null;
  for (let index = action.history.length - 1; index >= 0; index -= 1) {
    const change = action.history[index];
    if (change.status !== 'blocked') next = change;
    else spells.push({ blockedAt: change.at, endedAt: next?.at ?? null, dropped: next?.status === 'dropped' });
  }
  return spells.reverse();
}

// The projections run inside every write to actions and sessions and in the upgrade that fills the
// fact tables, where a record written by an older version may lack a history or a pulse. They read
// such a record as having none rather than throw, which would abort the write or the upgrade.

// They read the resulting history: a status that lost a conflict (a program manager's "done" that
// the coach's offline "blocked" replaced) never held, so it is no completion.

export function toMetricAction(action: ActionSource): MetricAction {
  const history = { history: resultingHistory(action.history ?? []) };
  const projected: MetricAction = {
    id: action.id,
    participantId: action.participantId,
    sessionId: action.sessionId,
    createdAt: action.createdAt,
    isExperiment: action.isExperiment,
    completedAt: completedAt(history),
    verifiedAt: firstTimeIn(history, 'verified'),
    droppedAt: firstTimeIn(history, 'dropped'),
  };
  const spells = blockedSpells(history);
  if (spells.length > 0) projected.blocks = spells;
  if (isInTrash(action)) projected.deletedAt = action.deletedAt;
  return projected;
}

export function toMetricSession(session: SessionSource): MetricSession {
  const projected: MetricSession = {
    id: session.id,
    participantId: session.participantId,
    date: session.date,
    startTime: session.startTime,
    durationMinutes: session.durationMinutes,
    preparation: session.pulse?.preparation ?? null,
    clarity: session.pulse?.clarity ?? null,
    documentedAction: session.pulse?.documentedAction ?? null,
  };
  if (isInTrash(session)) projected.deletedAt = session.deletedAt;
  return projected;
}

export const toMetricParticipant = ({ id, name, team, cohort, deletedAt }: MetricParticipant): MetricParticipant => ({
  id,
  name,
  team,
  cohort,
  deletedAt,
});

export const toMetricReview = ({ id, actionId, sessionId, participantId }: MetricReview): MetricReview => ({
  id,
  actionId,
  sessionId,
  participantId,
});

export const toMetricContract = (contract: MetricContract): MetricContract => ({
  id: contract.id,
  participantId: contract.participantId,
  deletedAt: contract.deletedAt,
  commitments: contract.commitments.map(({ id, dueDate, statusHistory }) => ({ id, dueDate, statusHistory })),
});

/** Records as the database or a test holds them, projected as the measures read them. */
export function toMetricRecords(records: {
  participants: readonly MetricParticipant[];
  sessions: readonly SessionSource[];
  actions: readonly ActionSource[];
  contracts: readonly MetricContract[];
  actionReviews: readonly MetricReview[];
}): MetricRecords {
  return {
    participants: records.participants.map(toMetricParticipant),
    sessions: records.sessions.map(toMetricSession),
    actions: records.actions.map(toMetricAction),
    contracts: records.contracts.map(toMetricContract),
    reviews: records.actionReviews.map(toMetricReview),
  };
}
