import { useLiveQuery } from 'dexie-react-hooks';
import { contractsDueForReview, formatCalendarDate } from '../../../shared/contract-rules';
import { repositories } from '../../db/instance';
import { ReviewBadge } from './review-badge';
import { contractTitle } from './labels';
import { useToday } from './use-today';
import './contracts.css';

/**
 * The contracts due or overdue for review, for Today (all leaders) or a participant's page (one
 * leader). Renders nothing when none is due.
 */
export function ContractReviewReminders({ participantId }: { participantId?: string }) {
  const today = useToday();
  const contracts = useLiveQuery(() => repositories.contracts.list(), []);
  const due = contractsDueForReview(
    (contracts ?? []).filter((contract) => !participantId || contract.participantId === participantId),
    today,
  );
  if (due.length === 0) return null;
  return (
    <section className="card" aria-label="Contracts to review">
      <div className="section-title">
        <h2>Contracts to review</h2>
        <a href="#/contracts">All contracts</a>
      </div>
      <ul className="plain-list">
        {due.map(({ contract }) => (
          <li key={contract.id}>
            <a href={`#/contracts/${contract.id}`}>{contractTitle(contract)}</a>
            <span className="row">
              <span className="muted">{formatCalendarDate(contract.nextReviewDate)}</span>
              <ReviewBadge contract={contract} today={today} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
