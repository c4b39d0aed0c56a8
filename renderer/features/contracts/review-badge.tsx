import { describeReviewState, reviewState, type ReviewState } from '../../../shared/contract-rules';
import type { Contract } from '../../../shared/model';

const tones: Record<ReviewState['kind'], string> = {
  overdue: 'danger',
  due: 'warn',
  scheduled: '',
  'in-progress': 'accent',
  retired: '',
};

/** "Review overdue by 7 days", "Next review in 6 weeks": how close the contract's next review is. */
export function ReviewBadge({
  contract,
  today,
}: {
  contract: Pick<Contract, 'status' | 'nextReviewDate'>;
  today: string;
}) {
  const state = reviewState(contract, today);
  return (
    <span className={`badge ${tones[state.kind]}`} data-review-state={state.kind}>
      {describeReviewState(state)}
    </span>
  );
}

/** Contracts as a list of links, each with how close its next review is. */
export function ContractLinks({
  contracts,
  today,
}: {
  contracts: Pick<Contract, 'id' | 'title' | 'status' | 'nextReviewDate'>[];
  today: string;
}) {
  return (
    <ul className="plain-list">
      {contracts.map((contract) => (
        <li key={contract.id}>
          <a href={`#/contracts/${contract.id}`} dir="auto">
            {contract.title || 'Untitled contract'}
          </a>
          <ReviewBadge contract={contract} today={today} />
        </li>
      ))}
    </ul>
  );
}
