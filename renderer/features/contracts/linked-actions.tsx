import type { Action, Commitment } from '../../../shared/model';
import { repositories } from '../../db/instance';
import { actionStatusLabels, actionStatusTone } from '../labels';

/** The session actions that serve a commitment, picked from the leader's action log. */
export function LinkedActions({
  contractId,
  commitment,
  actions,
  leaderName,
}: {
  contractId: string;
  commitment: Commitment;
  actions: Action[];
  leaderName: string;
}) {
  const byId = new Map(actions.map((action) => [action.id, action]));
  const unlinked = actions.filter((action) => !commitment.actionIds.includes(action.id));
  const setLinks = (actionIds: string[]) =>
    repositories.contracts.updateCommitment(contractId, commitment.id, { actionIds });

  return (
    <div className="linked-actions" data-field="actions">
      <span className="linked-actions-label">Serving actions</span>
      {commitment.actionIds.map((id) => {
        const action = byId.get(id);
        const text = action?.text ?? 'An action that no longer exists';
        return (
          <span key={id} className="action-chip">
            <span className="action-chip-text" title={text}>
              {text}
            </span>
            {action && (
              <span className={`badge ${actionStatusTone[action.status]}`}>{actionStatusLabels[action.status]}</span>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={`Unlink “${text}”`}
              onClick={() => void setLinks(commitment.actionIds.filter((linked) => linked !== id))}
            >
              ×
            </button>
          </span>
        );
      })}
      {unlinked.length > 0 ? (
        <select
          className="link-action"
          aria-label="Link an action"
          value=""
          onChange={(event) => {
            if (event.target.value) void setLinks([...commitment.actionIds, event.target.value]);
          }}
        >
          <option value="">Link an action…</option>
          {unlinked.map((action) => (
            <option key={action.id} value={action.id}>
              {action.text}
            </option>
          ))}
        </select>
      ) : (
        commitment.actionIds.length === 0 && (
          <span className="muted">
            No actions logged for {leaderName} yet; they appear here once sessions log them.
          </span>
        )
      )}
    </div>
  );
}
