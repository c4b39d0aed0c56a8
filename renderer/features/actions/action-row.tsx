import { memo, useState } from 'react';
import { canMoveTo } from '../../../shared/action-status';
import { actionStatuses, type Action, type ActionStatus } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { AutosaveText } from '../../components/fields';
import { DateField } from '../../components/date-field';
import { moveToTrash } from '../../components/move-to-trash';
import { actionStatusLabels } from '../labels';
import { ActionHistory } from '../sync/action-history';

/** Moves an action to a new status, asking for the reason when it becomes blocked. */
export function StatusSelect({ action }: { action: Action }) {
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const move = async (status: ActionStatus, why?: string) => {
    try {
      await repositories.actions.setStatus(action.id, status, why);
      setError(null);
      setAskReason(false);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <div className="status-cell">
      <select
        aria-label={`Status of “${action.text}”`}
        value={askReason ? 'blocked' : action.status}
        onChange={(event) => {
          const status = event.target.value as ActionStatus;
          if (status === 'blocked') setAskReason(true);
          else void move(status);
        }}
      >
        {actionStatuses
          .filter((status) => status === action.status || canMoveTo(action.status, status))
          .map((status) => (
            <option key={status} value={status}>
              {actionStatusLabels[status]}
            </option>
          ))}
      </select>
      {askReason && (
        <input
          dir="auto"
          autoFocus
          aria-label="What blocks it?"
          placeholder="What blocks it? Enter to save"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void move('blocked', reason);
            if (event.key === 'Escape') setAskReason(false);
          }}
        />
      )}
      {action.status === 'blocked' && !askReason && <span className="field-hint">{action.blockedReason}</span>}
      <ActionHistory action={action} />
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

/** Memoised: the session editor re-renders on every autosave, its unchanged rows need not. */
export const ActionRow = memo(function ActionRow({ action }: { action: Action }) {
  const update = (patch: Parameters<typeof repositories.actions.update>[1]) =>
    repositories.actions.update(action.id, patch);
  return (
    <tr>
      <td>
        <AutosaveText label="Action" compact wrap stored={action.text} save={(text) => update({ text })} />
      </td>
      <td>
        <AutosaveText label="Owner" compact wrap stored={action.owner} save={(owner) => update({ owner })} />
      </td>
      <td>
        <DateField label="Due" compact stored={action.dueDate} save={(dueDate) => update({ dueDate })} />
      </td>
      <td>
        <AutosaveText
          label="Verification"
          compact
          wrap
          stored={action.verification}
          save={(verification) => update({ verification })}
        />
      </td>
      <td>
        <StatusSelect action={action} />
      </td>
      <td className="center">
        <input
          type="checkbox"
          aria-label={`“${action.text}” is an experiment`}
          checked={action.isExperiment}
          onChange={(event) => void update({ isExperiment: event.target.checked })}
        />
      </td>
      <td>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete “${action.text}”`}
          title="Delete"
          onClick={() => void moveActionToTrash(action.id)}
        >
          ×
        </button>
      </td>
    </tr>
  );
});

const moveActionToTrash = (id: string) =>
  moveToTrash({
    what: 'action',
    remove: () => repositories.trash.deleteAction(id),
    restore: () => repositories.trash.restoreAction(id),
  });
