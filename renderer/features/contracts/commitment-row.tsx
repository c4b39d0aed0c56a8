import type { KeyboardEvent } from 'react';
import { format } from 'date-fns';
import type { Action, Commitment } from '../../../shared/model';
import { commitmentStatusLabels, commitmentWarnings, type CommitmentField } from '../../../shared/contract-rules';
import { repositories } from '../../db/instance';
import { AutosaveText, SelectField } from '../../components/fields';
import { DateField } from '../../components/date-field';
import { ConfirmButton } from '../../components/confirm-button';
import { MoveButtons } from '../../components/move-buttons';
import { parseCadence } from './cadence';
import { commitmentStatusOptions } from './labels';
import { LinkedActions } from './linked-actions';
import { messagesFor, WarningNotes } from './warning-note';
import type { CommitmentPatch } from '../../db/contracts';

type Props = {
  contractId: string;
  commitment: Commitment;
  position: number;
  count: number;
  actions: Action[];
  leaderName: string;
  onMove: (offset: -1 | 1) => void;
};

const day = (at: number) => format(at, 'd MMM yyyy');

/** One commitment: what, who, how we will know, cadence, due date, status, and the actions serving it. */
export function CommitmentRow({ contractId, commitment, position, count, actions, leaderName, onMove }: Props) {
  const save = (patch: CommitmentPatch) => repositories.contracts.updateCommitment(contractId, commitment.id, patch);
  const warnings = commitmentWarnings(commitment);
  const lastChange = commitment.statusHistory.at(-1);
  const history = commitment.statusHistory
    .map((change) => `${commitmentStatusLabels[change.status]} since ${day(change.at)}`)
    .join('\n');

  /** A text field with its warnings under it; the two long ones are textareas. */
  const textField = (field: CommitmentField, label: string, placeholder?: string) => (
    <div data-field={field}>
      <AutosaveText
        label={label}
        multiline={field !== 'owner'}
        rows={2}
        stored={commitment[field]}
        placeholder={placeholder}
        save={(value) => save({ [field]: value })}
      />
      <WarningNotes messages={messagesFor(warnings, field)} />
    </div>
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li
      className="commitment"
      aria-label={`Commitment ${position}`}
      data-commitment={commitment.id}
      onKeyDown={onKeyDown}
    >
      <span className="commitment-number" aria-hidden="true">
        {position}
      </span>
      <div className="commitment-body">
        <div className="commitment-what">
          {textField('text', 'Commitment', 'What the team commits to')}
          {textField('acceptanceCriteria', 'Acceptance criteria', 'How everyone will know it is met')}
        </div>
        <div className="commitment-fields">
          {textField('owner', 'Owner')}
          <div data-field="cadence">
            <AutosaveText
              label="Review every (weeks)"
              stored={String(commitment.reviewCadenceWeeks)}
              save={async (text) => save({ reviewCadenceWeeks: parseCadence(text) })}
            />
          </div>
          <div data-field="due">
            <DateField label="Due" stored={commitment.dueDate} save={(dueDate) => save({ dueDate })} />
          </div>
          <div data-field="status" className="commitment-status" title={history}>
            <SelectField
              label="Status"
              value={commitment.status}
              options={commitmentStatusOptions}
              save={(status) => repositories.contracts.setCommitmentStatus(contractId, commitment.id, status)}
            />
            {lastChange && <p className="field-hint">Since {day(lastChange.at)}</p>}
          </div>
        </div>
        <LinkedActions contractId={contractId} commitment={commitment} actions={actions} leaderName={leaderName} />
      </div>
      <div className="row-tools">
        <MoveButtons
          label={`commitment ${position}`}
          isFirst={position === 1}
          isLast={position === count}
          onMove={onMove}
          marker="data-field"
        />
        <ConfirmButton
          confirmLabel="Remove?"
          onConfirm={() => void repositories.contracts.removeCommitment(contractId, commitment.id)}
        >
          Remove
        </ConfirmButton>
      </div>
    </li>
  );
}
