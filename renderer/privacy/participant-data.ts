// Everything the app holds about one participant, gathered in one read transaction: used by the
// participant export and, as the list of what goes, by erasure.
import type {
  Action,
  ActionReview,
  ConsentChange,
  Contract,
  ContractReview,
  Participant,
  Session,
} from '../../shared/model';
import type { FollowthroughDatabase } from '../db/database';

export type ParticipantData = {
  participant: Participant;
  consentLog: ConsentChange[];
  sessions: Session[];
  actions: Action[];
  /** What was decided about each action when it was gone over in a later session. */
  actionReviews: ActionReview[];
  contracts: Contract[];
  contractReviews: ContractReview[];
};

export async function collectParticipantData(
  db: FollowthroughDatabase,
  participantId: string,
): Promise<ParticipantData | null> {
  const tables = [
    db.participants,
    db.consentLog,
    db.sessions,
    db.actions,
    db.actionReviews,
    db.contracts,
    db.contractReviews,
  ];
  return db.transaction('r', tables, async () => {
    const participant = await db.participants.get(participantId);
    if (!participant) return null;
    const [consentLog, sessions, actions, actionReviews, contracts] = await Promise.all([
      db.consentLog.where('participantId').equals(participantId).sortBy('at'),
      db.sessions.where('participantId').equals(participantId).sortBy('date'),
      db.actions.where('participantId').equals(participantId).sortBy('createdAt'),
      db.actionReviews.where('participantId').equals(participantId).sortBy('at'),
      db.contracts.where('participantId').equals(participantId).sortBy('startDate'),
    ]);
    const contractReviews = await db.contractReviews
      .where('contractId')
      .anyOf(contracts.map((contract) => contract.id))
      .sortBy('at');
    return { participant, consentLog, sessions, actions, actionReviews, contracts, contractReviews };
  });
}
