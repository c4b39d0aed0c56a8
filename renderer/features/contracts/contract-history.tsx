import { useState } from 'react';
import type { Contract, ContractReview } from '../../../shared/model';
import { commitmentStatusLabels } from '../../../shared/contract-rules';
import { compareContracts } from '../../../shared/contract-diff';
import { commitmentStatusTone, formatMoment } from './labels';
import { ContractVersion } from './contract-version';
import { SelectField } from '../../components/fields';

type Version = { key: string; label: string; contract: Contract };

/** Every stored version, newest first: each completed review's outcome and the contract before it. */
function earlierVersions(reviews: readonly ContractReview[]): Version[] {
  return reviews.flatMap((review) => {
    if (review.completedAt === null) return [];
    const when = formatMoment(review.completedAt);
    const before = { key: `${review.id}:before`, label: `Before the review of ${when}`, contract: review.snapshot };
    return review.outcome
      ? [{ key: `${review.id}:after`, label: `After the review of ${when}`, contract: review.outcome }, before]
      : [before];
  });
}

function ReviewEntry({ review, onCompare }: { review: ContractReview; onCompare: () => void }) {
  const statuses = review.outcome ?? review.snapshot;
  return (
    <li className="review-entry" aria-label={`Review of ${formatMoment(review.completedAt!)}`}>
      <div className="review-entry-head">
        <strong>{formatMoment(review.completedAt!)}</strong>
        <span className="badge">
          {review.changes.length} {review.changes.length === 1 ? 'change' : 'changes'}
        </span>
        <button type="button" className="link" onClick={onCompare}>
          Compare with current
        </button>
      </div>
      {review.notes && (
        <p className="review-notes" dir="auto">
          {review.notes}
        </p>
      )}
      {statuses.commitments.length > 0 && (
        <ul className="review-statuses" aria-label="Statuses at this review">
          {statuses.commitments.map((commitment) => (
            <li key={commitment.id}>
              <span className="review-status-text" dir="auto">
                {commitment.text || 'Unnamed commitment'}
              </span>
              <span className={`badge ${commitmentStatusTone[commitment.status]}`}>
                {commitmentStatusLabels[commitment.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {review.changes.length > 0 && (
        <ul className="review-change-list" aria-label="Changes recorded">
          {review.changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The contract's reviews, and any earlier version beside the current one with differences marked. */
export function ContractHistory({ contract, reviews }: { contract: Contract; reviews: ContractReview[] }) {
  const versions = earlierVersions(reviews);
  const [chosen, setChosen] = useState<string | null>(null);
  const completed = reviews.filter((review) => review.completedAt !== null);
  // By default, the contract as it stood before the latest review.
  const wanted = chosen ?? `${completed[0]?.id}:before`;
  const earlier = versions.find((version) => version.key === wanted);

  if (!earlier) {
    return (
      <section className="empty-state" aria-label="History">
        <h2>No reviews yet</h2>
        <p>
          Each review keeps the contract as it stood, the notes and what changed. Start one from the top of the
          contract; its versions then appear here side by side.
        </p>
      </section>
    );
  }
  const diff = compareContracts(earlier.contract, contract);

  return (
    <div className="history">
      <section className="card" aria-label="Reviews">
        <div className="section-title">
          <h2>Reviews</h2>
          <span className="muted">
            {completed.length} {completed.length === 1 ? 'review' : 'reviews'}
          </span>
        </div>
        <ol className="review-list">
          {completed.map((review) => (
            <ReviewEntry key={review.id} review={review} onCompare={() => setChosen(`${review.id}:before`)} />
          ))}
        </ol>
      </section>
      <section className="card" aria-label="Compare versions">
        <div className="section-title compare-head">
          <h2>Compare versions</h2>
          <div className="compare-picker">
            <SelectField
              label="Earlier version"
              value={earlier.key}
              options={versions.map((version) => ({ value: version.key, label: version.label }))}
              save={async (key) => setChosen(key)}
            />
          </div>
        </div>
        <p className="diff-legend muted">
          <span className="diff-swatch" data-diff="changed">
            Changed
          </span>
          <span className="diff-swatch" data-diff="added">
            New
          </span>
          <span className="diff-swatch" data-diff="removed">
            Removed
          </span>
        </p>
        <div className="compare-grid">
          <ContractVersion
            contract={earlier.contract}
            diff={diff}
            side="earlier"
            title="Earlier version"
            subtitle={earlier.label}
          />
          <ContractVersion
            contract={contract}
            diff={diff}
            side="current"
            title="Current version"
            subtitle={`Last edited ${formatMoment(contract.updatedAt)}`}
          />
        </div>
      </section>
    </div>
  );
}
