import type { Contract, ContractReview } from '../../../shared/model';
import { calendarDateAt, concludeReview, reviewDateWarning } from '../../../shared/contract-rules';
import { describeChanges } from '../../../shared/contract-diff';
import { repositories } from '../../db/instance';
import { AutosaveText } from '../../components/fields';
import { flushAllPendingSaves } from '../../components/autosave';
import { ConfirmButton } from '../../components/confirm-button';
import { formatMoment } from './labels';
import { WarningNotes } from './warning-note';

/**
 * The open review: notes, and the changes made since it started as they will be recorded. The
 * coach edits statuses and the RACI in the contract below while it is open.
 */
export function ReviewPanel({
  contract,
  review,
  today,
  onCompleted,
}: {
  contract: Contract;
  review: ContractReview;
  today: string;
  onCompleted: () => void;
}) {
  const changes = describeChanges(review.snapshot, concludeReview(contract, review.snapshot.status, today));
  const dateWarning = reviewDateWarning(contract.startDate, calendarDateAt(review.at));
  return (
    <section className="card review-panel" aria-label="Review in progress">
      <div className="section-title">
        <div>
          <h2>Review in progress</h2>
          <p className="muted section-subtitle">
            Started {formatMoment(review.at)}. Update statuses, owners and the RACI below; what you change is recorded
            with this review.
          </p>
        </div>
      </div>
      {dateWarning && <WarningNotes messages={[dateWarning]} />}
      <div className="review-panel-grid">
        <AutosaveText
          label="Review notes"
          multiline
          rows={4}
          placeholder="What the team said, what slipped and why, what changes"
          stored={review.notes}
          save={(notes) => repositories.contracts.updateReviewNotes(review.id, notes)}
        />
        <div className="review-changes">
          <h3>Changes to record</h3>
          {changes.length ? (
            <ul aria-label="Changes to record">
              {changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">No changes yet.</p>
          )}
        </div>
      </div>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => {
            flushAllPendingSaves();
            void repositories.contracts.completeReview(review.id).then(onCompleted);
          }}
        >
          Complete review
        </button>
        <ConfirmButton
          confirmLabel="Discard this review?"
          onConfirm={() => void repositories.contracts.cancelReview(review.id)}
        >
          Cancel review
        </ConfirmButton>
      </div>
    </section>
  );
}
