// The report shown after a participant was erased: what was removed from where, and what the app
// cannot reach (an upstream that received their actions, saved files, backups).
import { KEEP_SAFETY_DAYS, KEEP_WEEKLY } from '../../../shared/backup-files';
import type { ErasureReport } from '../../privacy/erase-participant';
import { plural } from './labels';
import './privacy.css';

export function erasureLines(report: ErasureReport): { removed: string[]; beyond: string[] } {
  const { removed } = report;
  const lines: [number, string, string?][] = [
    [removed.sessions, 'session'],
    [removed.actions, 'action'],
    [removed.actionNotes, 'note from the hub on their actions', 'notes from the hub on their actions'],
    [removed.contracts, 'contract'],
    [removed.contractReviews, 'contract review'],
    [removed.outboxEntries, 'change waiting to sync', 'changes waiting to sync'],
    [removed.consentChanges, 'consent change'],
    [removed.syncHistoryLines, 'line of sync history', 'lines of sync history'],
  ];
  return {
    removed: [
      `Their participant record and notes`,
      ...lines.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many)),
      'Their entries in search',
    ],
    beyond: [
      ...(report.deliveredUpstream > 0
        ? [
            `${plural(report.deliveredUpstream, 'of their actions or commitments was', 'of their actions or commitments were')} already sent to your upstream system: ask its owner to erase them there.`,
          ]
        : []),
      `Backups made before now still hold their data. Automatic backups age out within ${KEEP_WEEKLY} weeks (those made before an update or a restore after ${KEEP_SAFETY_DAYS} days); backup files you exported yourself are not touched.`,
      'Documents you saved from Followthrough (summaries, checklists, workbooks, exports) are outside the app: delete them yourself.',
    ],
  };
}

export function ErasureReportDialog({ report, onClose: close }: { report: ErasureReport; onClose: () => void }) {
  const { removed, beyond } = erasureLines(report);
  const text = [
    `${report.participantName} was erased.`,
    'Removed:',
    ...removed.map((line) => `- ${line}`),
    'Not reachable from the app:',
    ...beyond.map((line) => `- ${line}`),
  ].join('\n');
  return (
    <div className="overlay">
      <section className="card stack dialog" role="dialog" aria-modal="true" aria-labelledby="erasure-title">
        <h2 id="erasure-title">{report.participantName} was erased</h2>
        <div>
          <h3>Removed from this device</h3>
          <ul className="report-list">
            {removed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Beyond the app’s reach</h3>
          <ul className="report-list">
            {beyond.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <div className="row">
          <button type="button" className="primary" autoFocus onClick={close}>
            Close
          </button>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
            Copy the report
          </button>
        </div>
      </section>
    </div>
  );
}
