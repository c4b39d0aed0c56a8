import { useRef, useState } from 'react';
import { format, subMonths } from 'date-fns';
import { repositories } from '../../db/instance';
import { DateField } from '../../components/date-field';
import type { BatchKind } from '../../documents/batch';
import { runExport } from './run-export';
import { loadSessionBundles, skippedSessionsNote, type BatchScope } from './session-bundles';

type Props = { participantId?: string; title: string };

/**
 * Exports many sessions at once, for one participant or a date range: one Word document or a .zip
 * of documents, with a progress bar and Cancel. The work runs in a worker, so the app stays usable.
 */
export function BatchExport({ participantId, title }: Props) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<BatchKind>('grow-checklist');
  const [format_, setFormat] = useState<'docx' | 'zip'>('docx');
  const [from, setFrom] = useState(format(subMonths(new Date(), 3), 'yyyy-MM-dd'));
  const [to, setTo] = useState(format(new Date(), 'yyyy-MM-dd'));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const cancel = useRef<AbortController | null>(null);

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Export sessions…
      </button>
    );

  const start = async () => {
    const scope: BatchScope = participantId ? { participantId } : { from, to };
    const { bundles, skipped } = await loadSessionBundles(repositories, scope, format(new Date(), 'yyyy-MM-dd'));
    const note = skippedSessionsNote(skipped);
    if (bundles.length === 0) {
      setMessage(`No sessions to export in that range.${note && ` ${note}`}`);
      return;
    }
    setMessage(null);
    cancel.current = new AbortController();
    setProgress({ done: 0, total: bundles.length });
    await runExport(
      `${bundles.length} sessions`,
      (deps, documents) =>
        documents.exportSessionBatch(
          bundles,
          {
            kind,
            format: format_,
            title: participantId ? title : `${from} to ${to}`,
            onProgress: (done, total) => setProgress({ done, total }),
            signal: cancel.current?.signal,
          },
          deps,
        ),
      note,
    );
    setProgress(null);
    setOpen(false);
  };

  return (
    <section className="card stack batch-export" aria-label="Export sessions">
      <div className="section-title">
        <h2>Export sessions</h2>
        <button type="button" className="link" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="batch-kind">Document</label>
          <select id="batch-kind" value={kind} onChange={(event) => setKind(event.target.value as BatchKind)}>
            <option value="grow-checklist">GROW checklist</option>
            <option value="session-summary">Session summary (shareable)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="batch-format">As</label>
          <select
            id="batch-format"
            value={format_}
            onChange={(event) => setFormat(event.target.value as 'docx' | 'zip')}
          >
            <option value="docx">One Word document</option>
            <option value="zip">A .zip of one document per session</option>
          </select>
        </div>
        {!participantId && (
          <>
            <DateField label="From" stored={from} save={async (date) => date && setFrom(date)} />
            <DateField label="To" stored={to} save={async (date) => date && setTo(date)} />
          </>
        )}
      </div>
      {progress ? (
        <div className="row">
          <progress aria-label="Export progress" max={progress.total} value={progress.done} />
          <span className="muted">
            {progress.done} of {progress.total}
          </span>
          <button type="button" onClick={() => cancel.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="row">
          <button type="button" className="primary" onClick={() => void start()}>
            Export
          </button>
          {message && <span className="field-error">{message}</span>}
        </div>
      )}
    </section>
  );
}
