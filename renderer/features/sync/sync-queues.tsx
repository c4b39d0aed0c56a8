// The outbox as the coach sees it: what failed (with Retry and Discard), what waits, and what is
// held back because a participant has not agreed to share.
import { format } from 'date-fns';
import { memo, type ReactNode } from 'react';
import { ConfirmButton } from '../../components/confirm-button';
// eslint-disable-next-line no-restricted-imports -- handed to the outbox queue (renderer/sync), which owns these writes
import { database } from '../../db/instance';
import type { StoredEntry } from '../../sync/outbox-queue';
import { discardEntry, retryParked } from '../../sync/outbox-queue';
import { entryTitle } from '../../sync/payload';
import { runSync } from '../../sync/service';
import type { Whose } from './whose';
import { plural } from '../../sync/wording';

/**
 * Why an entry is where it is. Only a change set aside reads as a problem: one still pending says
 * its last try failed and when the next one comes, which is the normal course of a retry.
 */
function EntryReason({ entry }: { entry: StoredEntry }) {
  if (entry.state === 'pending') {
    return (
      <p className="sync-reason retrying">
        Trying again {format(entry.nextAttemptAt, 'HH:mm')}. Last try: {entry.lastError}
      </p>
    );
  }
  return <p className={entry.state === 'held' ? 'sync-reason held' : 'sync-reason'}>{entry.lastError}</p>;
}

function EntryLine({ entry, whose, children }: { entry: StoredEntry; whose: Whose; children?: ReactNode }) {
  const kind = entry.recordType === 'action' ? 'Action' : 'Commitment';
  return (
    <li>
      <div className="sync-entry">
        <strong>{entryTitle(entry)}</strong>
        <span className="muted">
          {[kind, whose(entry), `changed ${format(entry.createdAt, 'd MMM HH:mm')}`].filter(Boolean).join(' · ')}
          {entry.attempts > 0 && ` · ${plural(entry.attempts, 'attempt')}`}
        </span>
        {entry.lastError && <EntryReason entry={entry} />}
      </div>
      {children && <span className="row sync-entry-actions">{children}</span>}
    </li>
  );
}

const retry = async (seq?: number) => {
  await retryParked(database, Date.now(), seq);
  await runSync('retry-parked');
};

export const NeedsAttention = memo(function NeedsAttention({ parked, whose }: { parked: StoredEntry[]; whose: Whose }) {
  if (parked.length === 0) return null;
  return (
    <section className="card sync-attention" aria-label="Needs attention">
      <div className="section-title">
        <h2>Needs attention</h2>
        <button type="button" onClick={() => void retry()}>
          Retry all
        </button>
      </div>
      <p className="muted">
        These changes were set aside after the upstream refused them or after repeated failures. Retry once the cause is
        fixed, or discard a change the upstream should never receive.
      </p>
      <ul className="plain-list">
        {parked.map((entry) => (
          <EntryLine key={entry.seq} entry={entry} whose={whose}>
            <button type="button" onClick={() => void retry(entry.seq)}>
              Retry
            </button>
            <ConfirmButton
              confirmLabel="Discard for good?"
              onConfirm={() => void discardEntry(database, entry.seq, Date.now())}
            >
              Discard
            </ConfirmButton>
          </EntryLine>
        ))}
      </ul>
    </section>
  );
});

export const PendingQueue = memo(function PendingQueue({
  pending,
  firstPending,
  held,
  whose,
  sending,
}: {
  pending: number;
  firstPending: StoredEntry[];
  held: StoredEntry[];
  whose: Whose;
  /** While a run goes on, how many changes it has delivered; null otherwise. */
  sending: number | null;
}) {
  return (
    <section className="card" aria-label="Waiting to send">
      <div className="section-title">
        <h2>Waiting to send</h2>
        <span className="muted">
          {sending !== null ? 'Sending…' : pending === 0 ? 'Nothing waiting' : plural(pending, 'change')}
        </span>
      </div>
      {sending !== null ? (
        <p className="muted">
          {sending > 0 ? `${plural(sending, 'change')} delivered so far. ` : ''}The queue is listed again when this sync
          ends.
        </p>
      ) : (
        <>
          {pending === 0 && held.length === 0 && <p className="muted">Nothing waits to be sent.</p>}
          {firstPending.length > 0 && (
            <ul className="plain-list">
              {firstPending.map((entry) => (
                <EntryLine key={entry.seq} entry={entry} whose={whose} />
              ))}
            </ul>
          )}
          {pending > firstPending.length && (
            <p className="muted">
              and {plural(pending - firstPending.length, 'more change')}, sent in the order they were made.
            </p>
          )}
        </>
      )}
      {held.length > 0 && (
        <>
          <h3 className="sync-subheading">Held back by consent</h3>
          <ul className="plain-list">
            {held.map((entry) => (
              <EntryLine key={entry.seq} entry={entry} whose={whose} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
