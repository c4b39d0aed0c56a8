import { useRef, useState } from 'react';
import { AddParticipantButton } from '../../components/add-participant-button';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_REVIEW_CADENCE_WEEKS } from '../../../shared/contract-rules';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { ValidationError } from '../../db/write';
import { EmptyState } from '../../components/empty-state';
import { SelectField } from '../../components/fields';
import { navigate } from '../../navigation';
import { parseCadence } from './cadence';
import { useToday } from './use-today';
import { useCommand } from '../../components/use-command';
import { FormInput, focusFirstInvalid } from '../../components/form-input';
import { FormDateField, dateEntry } from '../../components/date-field';

const fieldLabels: Record<string, string> = { startDate: 'Start date', reviewCadenceWeeks: 'Review every' };

/** What went wrong, with each refused field named as the form labels it. */
function formError(cause: unknown): string {
  if (!(cause instanceof ValidationError)) return errorMessage(cause);
  return cause.issues.map(({ path, message }) => `${fieldLabels[path] ?? path}: ${message}`).join('; ');
}

/** Starts a draft contract for one leader; everything else is edited on the contract itself. */
export function NewContractForm() {
  const today = useToday();
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  const [leaderId, setLeaderId] = useState('');
  const [title, setTitle] = useState('');
  const [team, setTeam] = useState<string | null>(null);
  const [startText, setStartText] = useState<string | null>(null);
  const [cadence, setCadence] = useState(String(DEFAULT_REVIEW_CADENCE_WEEKS));
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const leader = participants?.find((participant) => participant.id === leaderId);
  const create = useCommand(async () => {
    const start = dateEntry(startText ?? today, true);
    // The field already says what is wrong with the date: take the coach there, say nothing twice.
    if (!start.ok || start.date === null) return focusFirstInvalid(form.current);
    try {
      if (!leader) throw new Error('Choose the leader whose team this contract is for');
      const contract = await repositories.contracts.create({
        participantId: leader.id,
        title,
        team: team ?? leader.team,
        startDate: start.date,
        reviewCadenceWeeks: parseCadence(cadence),
      });
      navigate('contracts', contract.id);
    } catch (cause) {
      setError(formError(cause));
    }
  });

  if (!participants) return null;
  if (participants.length === 0) {
    return (
      <EmptyState title="Add the leader first" action={<AddParticipantButton />}>
        A contract belongs to a team and its leader. Add the leader as a participant, then start their contract.
      </EmptyState>
    );
  }

  return (
    <>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <a href="#/contracts">Contracts</a>
          </p>
          <h1>New contract</h1>
        </div>
      </header>
      <form ref={form} className="card form-card" aria-label="New contract" onSubmit={create.onSubmit}>
        <SelectField
          label="Leader"
          value={leaderId}
          options={[
            { value: '', label: 'Choose a participant…' },
            ...participants.map((participant) => ({ value: participant.id, label: participant.name })),
          ]}
          save={async (id) => setLeaderId(id)}
        />
        <FormInput label="Title" value={title} placeholder="Ops handoffs, Q1" onValue={setTitle} />
        <FormInput label="Team" value={team ?? leader?.team ?? ''} onValue={setTeam} />
        <div className="grid-2">
          <FormDateField label="Start date" required text={startText ?? today} onText={setStartText} />
          <FormInput label="Review every (weeks)" type="number" min={1} max={52} value={cadence} onValue={setCadence} />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" {...create.submitProps}>
            Create contract
          </button>
          <button type="button" onClick={() => navigate('contracts')}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
