// The slice of each domain record the measures read. Full records from shared/model.ts fit these
// types, and the Metrics page keeps only these fields in memory after reading the database.
import type { Action, Commitment, Contract, Participant, Session } from '../model';

export type MetricParticipant = Pick<Participant, 'id' | 'name' | 'team' | 'cohort' | 'deletedAt'>;
export type MetricSession = Pick<
  Session,
  'id' | 'participantId' | 'date' | 'startTime' | 'durationMinutes' | 'pulse' | 'deletedAt'
>;
export type MetricAction = Pick<
  Action,
  'id' | 'participantId' | 'sessionId' | 'createdAt' | 'isExperiment' | 'history' | 'deletedAt'
>;
export type MetricCommitment = Pick<Commitment, 'id' | 'dueDate' | 'statusHistory'>;
export type MetricContract = Pick<Contract, 'id' | 'participantId' | 'deletedAt'> & {
  commitments: MetricCommitment[];
};

export type MetricRecords = {
  participants: MetricParticipant[];
  sessions: MetricSession[];
  actions: MetricAction[];
  contracts: MetricContract[];
};

export const emptyRecords: MetricRecords = { participants: [], sessions: [], actions: [], contracts: [] };

export const toMetricParticipant = ({ id, name, team, cohort, deletedAt }: MetricParticipant): MetricParticipant => ({
  id,
  name,
  team,
  cohort,
  deletedAt,
});

export const toMetricSession = (session: MetricSession): MetricSession => ({
  id: session.id,
  participantId: session.participantId,
  date: session.date,
  startTime: session.startTime,
  durationMinutes: session.durationMinutes,
  pulse: session.pulse,
  deletedAt: session.deletedAt,
});

export const toMetricAction = (action: MetricAction): MetricAction => ({
  id: action.id,
  participantId: action.participantId,
  sessionId: action.sessionId,
  createdAt: action.createdAt,
  isExperiment: action.isExperiment,
  history: action.history,
  deletedAt: action.deletedAt,
});

export const toMetricContract = (contract: MetricContract): MetricContract => ({
  id: contract.id,
  participantId: contract.participantId,
  deletedAt: contract.deletedAt,
  commitments: contract.commitments.map(({ id, dueDate, statusHistory }) => ({ id, dueDate, statusHistory })),
});
