import type { Contract, Participant } from '../../../shared/model';
import { contractWarnings } from '../../../shared/contract-rules';
import { repositories } from '../../db/instance';
import { AutosaveText, SelectField } from '../../components/fields';
import { DateField } from '../../components/date-field';
import { parseCadence } from './cadence';
import { contractStatusOptions } from './labels';
import { messagesFor, WarningNotes } from './warning-note';
import type { ContractPatch } from '../../db/contracts';

/** The contract's own fields, each saved as it is edited. */
export function ContractDetails({ contract, participants }: { contract: Contract; participants: Participant[] }) {
  const save = (patch: ContractPatch) => repositories.contracts.update(contract.id, patch);
  const saveDate = (field: 'startDate' | 'nextReviewDate', label: string) => (date: string | null) => {
    if (!date) throw new Error(`A contract needs a ${label}`);
    return save({ [field]: date });
  };
  const warnings = contractWarnings(contract);
  const leaders = participants.map((participant) => ({ value: participant.id, label: participant.name }));
  if (!leaders.some((leader) => leader.value === contract.participantId)) {
    leaders.unshift({ value: contract.participantId, label: 'Unknown leader' });
  }

  return (
    <section className="card contract-details" aria-label="Contract details">
      <div className="section-title">
        <h2>Details</h2>
      </div>
      <div className="contract-details-grid">
        <div className="span-2">
          <AutosaveText label="Title" stored={contract.title} save={(title) => save({ title })} />
          <WarningNotes messages={messagesFor(warnings, 'title')} />
        </div>
        <AutosaveText label="Team" stored={contract.team} save={(team) => save({ team })} />
        <SelectField
          label="Leader"
          value={contract.participantId}
          options={leaders}
          save={(participantId) => save({ participantId })}
        />
        <SelectField
          label="Status"
          value={contract.status}
          options={contractStatusOptions}
          save={(status) => save({ status })}
        />
        <DateField label="Start date" stored={contract.startDate} save={saveDate('startDate', 'start date')} />
        <AutosaveText
          label="Review every (weeks)"
          stored={String(contract.reviewCadenceWeeks)}
          save={async (text) => save({ reviewCadenceWeeks: parseCadence(text) })}
        />
        <div>
          <DateField
            label="Next review"
            stored={contract.nextReviewDate}
            save={saveDate('nextReviewDate', 'next review date')}
          />
          <WarningNotes messages={messagesFor(warnings, 'nextReviewDate')} />
        </div>
      </div>
    </section>
  );
}
