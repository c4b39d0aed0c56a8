// The history of sync runs: when, what was sent, what came back.
import { format } from 'date-fns';
import { memo } from 'react';
import type { SyncRun } from '../../../shared/model';
import { plural } from '../../sync/wording';
import { TableHead } from '../../components/table-head';

const outcomeBadges: Record<SyncRun['outcome'], { label: string; tone: string }> = {
  'up-to-date': { label: 'Up to date', tone: 'ok' },
  sent: { label: 'Sent', tone: 'ok' },
  'will-retry': { label: 'Will retry', tone: 'warn' },
  rejected: { label: 'Refused', tone: 'danger' },
  'out-of-time': { label: 'Continues', tone: 'accent' },
  cancelled: { label: 'Not sent', tone: 'warn' },
  discarded: { label: 'Discarded', tone: 'warn' },
};

/** A run that delivered some changes and set others aside is not all good news. */
function badgeOf(run: SyncRun): { label: string; tone: string } {
  if (run.outcome === 'sent' && run.parked > 0) return { label: 'Partly sent', tone: 'warn' };
  return outcomeBadges[run.outcome];
}

const triggerLabels: Record<SyncRun['trigger'], string> = {
  manual: 'Sync now',
  online: 'Back online',
  schedule: 'Weekly sync',
  retry: 'Automatic retry',
  'retry-parked': 'Retry',
  discard: 'Discard',
};

function ItemList({ heading, items }: { heading: string; items: SyncRun['sentItems'] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul className="sync-sent-items">
        {items.map((item) => (
          <li key={item.recordId}>{item.title}</li>
        ))}
      </ul>
    </>
  );
}

function RunDetails({ run }: { run: SyncRun }) {
  return (
    <details className="sync-run-details">
      <summary>Details</summary>
      {run.exchanges.length > 0 && (
        <>
          <h4>What came back</h4>
          <ol className="sync-exchanges">
            {run.exchanges.map((exchange, index) => (
              <li key={index}>
                <span className="muted">{format(exchange.at, 'HH:mm:ss')}</span> {plural(exchange.events, 'change')} →{' '}
                {exchange.detail}
              </li>
            ))}
          </ol>
        </>
      )}
      <ItemList heading="Sent" items={run.sentItems} />
      <ItemList heading="Discarded" items={run.discardedItems ?? []} />
    </details>
  );
}

export const RunHistory = memo(function RunHistory({ runs }: { runs: SyncRun[] }) {
  return (
    <section className="card" aria-label="History">
      <div className="section-title">
        <h2>History</h2>
        {runs.length > 0 && (
          <span className="muted">
            The last {runs.length === 1 ? 'line' : `${runs.length} lines`}: runs that sent or set aside anything, and
            changes you discarded
          </span>
        )}
      </div>
      {runs.length === 0 ? (
        <p className="muted">No sync has run yet.</p>
      ) : (
        <table className="data-table sync-runs">
          <TableHead columns={['When', 'Trigger', 'Result', 'What happened']} />
          <tbody>
            {runs.map((run) => {
              const badge = badgeOf(run);
              return (
                <tr key={run.id}>
                  <td>
                    <div className="nowrap">{format(run.startedAt, 'EEE d MMM')}</div>
                    <div className="muted">{format(run.startedAt, 'HH:mm')}</div>
                  </td>
                  <td className="nowrap">{triggerLabels[run.trigger]}</td>
                  <td className="nowrap">
                    <span className={`badge ${badge.tone}`}>{badge.label}</span>
                  </td>
                  <td>
                    <div>{run.message}</div>
                    {!run.message.startsWith(run.connector) && <div className="muted">{run.connector}</div>}
                    <RunDetails run={run} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
});
