// What a backup holds and what restoring it would change, before anything is changed: when and
// by which version it was made, the dates its sessions span, and per kind of record how many it
// holds, how many there are now, and how many come back, go or are replaced.
import { format, parseISO } from 'date-fns';
import type { RestorePlan, TableChange } from '../../backup/restore';
import type { RestorePhase } from '../../backup/run-restore';
import { backupKindLabels, plural, tableLabels } from './labels';
import { TableHead } from '../../components/table-head';

const when = (iso: string) => format(parseISO(iso), 'EEE d MMM yyyy, HH:mm');
const day = (date: string) => format(parseISO(date), 'd MMM yyyy');

function changeText(change: TableChange): string {
  const parts = [
    change.added && `${change.added.toLocaleString()} come back`,
    change.removed && `${change.removed.toLocaleString()} go`,
    change.changed && `${change.changed.toLocaleString()} replaced`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No change';
}

const phaseText: Record<RestorePhase, string> = {
  'safety-backup': 'Backing up your data as it is now…',
  writing: 'Restoring…',
};

export function RestorePreview({
  plan,
  source,
  connectorNote,
  phase,
  onRestore,
  onCancel,
}: {
  plan: RestorePlan;
  source: string;
  /** How the backup's sync differs from this computer's, which stays. */
  connectorNote: string | null;
  phase: RestorePhase | null;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const { header } = plan;
  const rows = plan.changes.filter((change) => change.inBackup + change.now > 0);
  const records = plan.changes.reduce((sum, change) => sum + change.inBackup, 0);
  const { firstSessionDate, lastSessionDate, lastChangeAt } = header.range;
  return (
    <section className="restore-preview" aria-label="Restore preview">
      <div className="section-title">
        <h3>Restore the backup of {when(header.createdAt)}?</h3>
        <span className="badge">{backupKindLabels[header.kind]}</span>
      </div>
      <dl className="restore-facts">
        <dt>File</dt>
        <dd>{source}</dd>
        <dt>Made by</dt>
        <dd>
          Followthrough {header.appVersion}, data version {header.schemaVersion}
          {plan.upgradedFrom !== null && ' (brought up to date for this version)'}
        </dd>
        <dt>Sessions</dt>
        <dd>{firstSessionDate && lastSessionDate ? `${day(firstSessionDate)} to ${day(lastSessionDate)}` : 'None'}</dd>
        <dt>Last change</dt>
        <dd>{lastChangeAt ? when(lastChangeAt) : 'None'}</dd>
      </dl>
      <table className="data-table restore-table">
        <TableHead columns={['Kind', 'In the backup', 'Now', 'If you restore']} />
        <tbody>
          {rows.map((change) => (
            <tr key={change.table}>
              <td>{tableLabels[change.table] ?? change.table}</td>
              <td>{change.inBackup.toLocaleString()}</td>
              <td>{change.now.toLocaleString()}</td>
              <td className={change.removed ? 'restore-loss' : undefined}>{changeText(change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.changedSinceBackup > 0 && (
        <p className="notice warn">
          {plural(plan.changedSinceBackup, 'record was', 'records were')} changed here after this backup was made;
          restoring undoes those changes.
        </p>
      )}
      {connectorNote && <p className="notice warn">{connectorNote}</p>}
      <p className="muted">
        Everything is replaced in one step: all of it is restored or, if anything goes wrong, none of it. First your
        data as it is now is backed up, so this restore can be undone. Your app lock, backup key and sync settings stay
        as they are.
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={phase !== null} onClick={onRestore}>
          {phase ? phaseText[phase] : `Restore ${plural(records, 'record')}`}
        </button>
        <button type="button" disabled={phase !== null} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
