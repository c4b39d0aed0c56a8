// The report shown after a participant was erased: what was removed from where, and what the app
// cannot reach (an upstream that received their actions, saved files, backups).
import { format } from 'date-fns';
import type { ErasureReport } from '../../privacy/erase-participant';
import type { BackupsProgress } from './erasure-report-host';
import { plural } from './labels';
import './privacy.css';

const backupDate = (createdAt: number) => format(createdAt, 'd MMM yyyy, HH:mm');

/** What became of the automatic backups: lines for "removed" and for "beyond the app's reach". */
function backupLines(backups: BackupsProgress): { removed: string[]; beyond: string[] } {
  if (!('ok' in backups)) {
    const counted = backups.of > 0 ? ` (${backups.done + 1} of ${backups.of})` : '';
    return { removed: [`Removing their data from the automatic backups${counted}…`], beyond: [] };
  }
  if (!backups.ok) {
    return {
      removed: [],
      beyond: [
        `The automatic backups could not be checked (${backups.error}): they may still hold their data. Delete them in the backups folder.`,
      ],
    };
  }
  const { rewritten, failed } = backups.value;
  const dates = rewritten.map((file) => file.createdAt).sort((a, b) => a - b);
  return {
    removed:
      rewritten.length === 0
        ? []
        : [
            `Their data in ${plural(rewritten.length, 'automatic backup')} (${backupDate(dates[0])}${dates.length > 1 ? ` to ${backupDate(dates.at(-1)!)}` : ''}): rewritten without them`,
          ],
    beyond: failed.map(
      ({ file, error }) =>
        `The automatic backup of ${backupDate(file.createdAt)} still holds their data (${error}): delete it in the backups folder.`,
    ),
  };
}

export function erasureLines(report: ErasureReport, backups: BackupsProgress): { removed: string[]; beyond: string[] } {
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
  const fromBackups = backupLines(backups);
  return {
    removed: [
      `Their participant record and notes`,
      ...lines.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many)),
      'Their entries in search',
      ...fromBackups.removed,
    ],
    beyond: [
      ...(report.deliveredUpstream > 0
        ? [
            `${plural(report.deliveredUpstream, 'of their actions or commitments was', 'of their actions or commitments were')} already sent to your upstream system: ask its owner to erase them there.`,
          ]
        : []),
      ...fromBackups.beyond,
      'Backup files you exported yourself (“Export everything”) are outside the app and still hold their data: delete the copies you keep.',
      'Documents you saved from Followthrough (summaries, checklists, workbooks, exports) are outside the app: delete them yourself.',
    ],
  };
}

export function ErasureReportDialog({
  report,
  backups,
  onClose: close,
}: {
  report: ErasureReport;
  backups: BackupsProgress;
  onClose: () => void;
}) {
  const { removed, beyond } = erasureLines(report, backups);
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
