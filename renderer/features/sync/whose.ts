// Whose change an outbox entry is, for the Sync page's lists: the participant as they are now, so
// a rename shows at once.
import type { Contract, Participant } from '../../../shared/model';
import { payloadOwner } from '../../db/outbox';
import type { StoredEntry } from '../../sync/outbox-queue';

/** Whose change an entry is, by the participant's name as it is now; null when that cannot be told. */
export type Whose = (entry: StoredEntry) => string | null;

/** An action names its participant; a commitment is the participant's of its contract. */
export function whoseFrom(participants: Participant[], contracts: Contract[]): Whose {
  const names = new Map(participants.map((participant) => [participant.id, participant.name]));
  const contractOwners = new Map(contracts.map((contract) => [contract.id, contract.participantId]));
  return (entry) => {
    const owner = payloadOwner(entry);
    if (owner === null) return null;
    const id = 'participantId' in owner ? owner.participantId : contractOwners.get(owner.contractId);
    return id === undefined ? null : (names.get(id) ?? 'Unknown participant');
  };
}
