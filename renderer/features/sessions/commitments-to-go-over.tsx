// The contract commitments a session goes over "since last time": due by the session and not met,
// or changed since the last session held. Each is set to met, on track, at risk or missed in place;
// the commitment's status history keeps when.
import { commitmentsToGoOver, commitmentStatusLabels, type CommitmentToGoOver } from '../../../shared/contract-rules';
import { commitmentStatuses, type CalendarDate, type Commitment } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import { showToast } from '../../components/toasts';
import { oneAtATime } from '../../components/use-command';
import { commitmentStatusTone, contractTitle } from '../contracts/labels';
import { formatDay } from '../labels';

export async function loadCommitmentsToGoOver(participantId: string, sessionId: string, sessionDate: CalendarDate) {
  const [contracts, recent] = await Promise.all([
    repositories.contracts.ofParticipant(participantId),
    repositories.sessions.recentHeldOf(participantId, sessionDate, 2),
  ]);
  const previous = recent.find((session) => session.id !== sessionId);
  const since = previous ? (previous.completedAt ?? new Date(`${previous.date}T00:00`).getTime()) : null;
  return commitmentsToGoOver(contracts, sessionDate, since);
}

/** One status change at a time: the buttons move under the pointer once a status is set. */
const setStatus = oneAtATime(
  (sessionId: string, contractId: string, commitmentId: string, status: Commitment['status']) =>
    repositories.contracts
      .setCommitmentStatus(contractId, commitmentId, status, sessionId)
      .catch((error: unknown) => showToast({ message: `Not recorded: ${errorMessage(error)}` })),
);

export function CommitmentsToGoOver({ items, sessionId }: { items: CommitmentToGoOver[]; sessionId: string }) {
  if (items.length === 0) return null;

  return (
    <div className="stack" role="group" aria-labelledby="commitments-to-go-over-heading">
      <h3 id="commitments-to-go-over-heading">Contract commitments</h3>
      <ul className="review-list">
        {items.map(({ contract, commitment }) => (
          <li key={commitment.id} className="review-row" aria-label={commitment.text}>
            <div className="review-text">
              <span dir="auto">{commitment.text}</span>
              <span className="muted small">
                <span dir="auto">{contractTitle(contract)}</span>
                {commitment.owner && <> · {commitment.owner}</>}
                {' · '}
                {commitment.dueDate ? <>due {formatDay(commitment.dueDate)}</> : 'no due date'}
                <span className={`badge ${commitmentStatusTone[commitment.status]}`}>
                  {commitmentStatusLabels[commitment.status]}
                </span>
                {commitment.statusHistory.at(-1)?.sessionId === sessionId && <> set in this session</>}
              </span>
            </div>
            <div className="row review-buttons" role="group" aria-label={`Commitment: ${commitment.text}`}>
              {commitmentStatuses
                .filter((status) => status !== commitment.status)
                .map((status) => (
                  <button
                    key={status}
                    type="button"
                    // The second click of a double-click would land on the button that moved in.
                    onClick={(event) =>
                      event.detail < 2 && void setStatus(sessionId, contract.id, commitment.id, status)
                    }
                  >
                    {commitmentStatusLabels[status]}
                  </button>
                ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
