// An action's status, changed in place: blocking it asks for the reason first.
import { useState } from 'react';
import { canMoveTo } from '../../../shared/action-status';
import { actionStatuses, type Action, type ActionStatus } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
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
          autoComplete="off"
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
