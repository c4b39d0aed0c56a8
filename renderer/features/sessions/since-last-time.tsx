// "Since last time": a session opens on the participant's earlier actions that are still open or
// blocked, oldest due first, and each is settled in place by keyboard: done, verified, blocked
// with a reason, carried forward to a new date, dropped with a reason. What was decided stays on
// the row, so the coach sees what the session has already gone over. Their contract commitments
// due or changed since follow.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays, format } from 'date-fns';
import type { CalendarDate, ReviewOutcome } from '../../../shared/model';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import type { ReviewDecision, SinceLastTimeItem } from '../../db/action-reviews';
import { showToast } from '../../components/toasts';
import { oneAtATime } from '../../components/use-command';
import { actionStatusLabels, actionStatusTone, formatDay } from '../labels';
import { CommitmentsToGoOver, loadCommitmentsToGoOver } from './commitments-to-go-over';

const outcomeLabels: Record<ReviewOutcome, string> = {
  'still-open': 'Still open',
  done: 'Done',
  verified: 'Verified',
  blocked: 'Blocked',
  'carried-forward': 'Carried forward',
  dropped: 'Dropped',
};

type Asking = { kind: 'blocked' | 'dropped' | 'carried-forward'; actionId: string } | null;

const today = () => format(new Date(), 'yyyy-MM-dd');

export function SinceLastTime({
  participantId,
  sessionId,
  sessionDate,
}: {
  participantId: string;
  sessionId: string;
  sessionDate: CalendarDate;
}) {
  const items = useLiveQuery(
    () => repositories.actionReviews.sinceLastTime(participantId, sessionId),
    [participantId, sessionId],
  );
  const commitments = useLiveQuery(
    () => loadCommitmentsToGoOver(participantId, sessionId, sessionDate),
    [participantId, sessionId, sessionDate],
  );
  const [asking, setAsking] = useState<Asking>(null);
  // One decision per gesture: the second click of a double-click joins the first.
  const [decideOnce] = useState(() =>
    oneAtATime((inSession: string, actionId: string, decision: ReviewDecision) =>
      repositories.actionReviews.review(actionId, inSession, decision).then(
        () => setAsking(null),
        (error: unknown) => showToast({ message: `Not recorded: ${errorMessage(error)}` }),
      ),
    ),
  );
  const decide = (actionId: string, decision: ReviewDecision) => decideOnce(sessionId, actionId, decision);
  if (!items || !commitments || items.length + commitments.length === 0) return null;

  const open = items.filter((item) => !item.review).length;
  return (
    <section className="card stack since-last-time" aria-labelledby="since-last-time-heading">
      <div className="row spread">
        <h2 id="since-last-time-heading">Since last time</h2>
        {items.length > 0 && (
          <span className="muted">{open === 0 ? 'All gone over' : `${open} of ${items.length} to go over`}</span>
        )}
      </div>
      {items.length > 0 && (
        <ul className="review-list">
          {items.map((item) => (
            <ReviewRow
              key={item.action.id}
              item={item}
              asking={asking?.actionId === item.action.id ? asking.kind : null}
              ask={(kind) => setAsking(kind ? { kind, actionId: item.action.id } : null)}
              decide={(decision) => decide(item.action.id, decision)}
            />
          ))}
        </ul>
      )}
      <CommitmentsToGoOver items={commitments} sessionId={sessionId} />
    </section>
  );
}

function ReviewRow({
  item: { action, review },
  asking,
  ask,
  decide,
}: {
  item: SinceLastTimeItem;
  asking: Exclude<Asking, null>['kind'] | null;
  ask: (kind: Exclude<Asking, null>['kind'] | null) => void;
  decide: (decision: ReviewDecision) => Promise<void>;
}) {
  const overdue = action.dueDate !== null && action.dueDate < today() && !review;
  return (
    <li className={review ? 'review-row reviewed' : 'review-row'} aria-label={action.text}>
      <div className="review-text">
        <span dir="auto">{action.text}</span>
        <span className="muted small">
          {action.owner && <>{action.owner} · </>}
          {action.dueDate ? <>due {formatDay(action.dueDate)}</> : 'no due date'}
          {overdue && <span className="badge danger">Overdue</span>}
          {!review && (
            <span className={`badge ${actionStatusTone[action.status]}`}>{actionStatusLabels[action.status]}</span>
          )}
        </span>
      </div>
      {review ? (
        <p className="review-outcome" role="status">
          {outcomeLabels[review.outcome]}
          {review.dueDate && <> to {formatDay(review.dueDate)}</>}
          {review.reason && <>: {review.reason}</>}
        </p>
      ) : asking ? (
        <ReasonOrDate kind={asking} cancel={() => ask(null)} decide={decide} />
      ) : (
        <div className="row review-buttons" role="group" aria-label={`Since last time: ${action.text}`}>
          <button type="button" onClick={() => void decide({ outcome: 'done' })}>
            Done
          </button>
          <button type="button" onClick={() => void decide({ outcome: 'verified' })}>
            Verified
          </button>
          <button type="button" onClick={() => ask('blocked')}>
            Blocked…
          </button>
          <button type="button" onClick={() => ask('carried-forward')}>
            Carry forward…
          </button>
          <button type="button" onClick={() => ask('dropped')}>
            Drop…
          </button>
        </div>
      )}
    </li>
  );
}

/** The one thing a decision still needs: why (blocked, dropped) or until when (carried forward). */
function ReasonOrDate({
  kind,
  cancel,
  decide,
}: {
  kind: Exclude<Asking, null>['kind'];
  cancel: () => void;
  decide: (decision: ReviewDecision) => Promise<void>;
}) {
  const [value, setValue] = useState(() =>
    kind === 'carried-forward' ? format(addDays(new Date(), 7), 'yyyy-MM-dd') : '',
  );
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const decision: ReviewDecision =
      kind === 'carried-forward' ? { outcome: kind, dueDate: value as CalendarDate } : { outcome: kind, reason: value };
    void decide(decision).finally(() => setBusy(false));
  };
  const label =
    kind === 'carried-forward' ? 'New due date' : kind === 'blocked' ? 'Why is it blocked?' : 'Why drop it?';
  return (
    <form className="row review-buttons" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && cancel()}>
      <label className="field compact">
        <span className="visually-hidden">{label}</span>
        <input
          type={kind === 'carried-forward' ? 'date' : 'text'}
          value={value}
          placeholder={label}
          required
          autoFocus
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {kind === 'carried-forward' ? 'Carry forward' : kind === 'blocked' ? 'Mark blocked' : 'Drop'}
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </form>
  );
}
