// Whose change an outbox entry is, for the Sync page's lists: the participant as they are now, so
// a rename shows at once.
import type { Contract, Participant } from '../../../shared/model';
import type { StoredEntry } from '../../sync/outbox-queue';

/** Whose change an entry is, by the participant's name as it is now; null when that cannot be told. */
export type Whose = (entry: StoredEntry) => string | null;

/** An action names its participant; a commitment is the participant's of its contract. */
export function whoseFrom(participants: Participant[], contracts: Contract[]): Whose {
  const names = new Map(participants.map((participant) => [participant.id, participant.name]));
  const contractOwners = new Map(contracts.map((contract) => [contract.id, contract.participantId]));
  return (entry) => {
    const payload = entry.payload as { participantId?: unknown; contractId?: unknown } | null;
    const contractId = typeof payload?.contractId === 'string' ? payload.contractId : undefined;
    const id = entry.recordType === 'action' ? payload?.participantId : contractOwners.get(contractId ?? '');
    return typeof id === 'string' ? (names.get(id) ?? 'Unknown participant') : null;
  };
}
