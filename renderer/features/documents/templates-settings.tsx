// Settings → Templates: for each export, the bundled template or the coach's own. A coach imports
// a .docx/.xlsx, sees every placeholder it holds (unknown ones with the closest known name),
// chooses it for exports, replaces it with a fixed version, or deletes it.
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import { MAX_TEMPLATE_BYTES, templateKinds, type StoredTemplate, type TemplateKind } from '../../../shared/model';
import { errorMessage, fail, type Result } from '../../../shared/result';
import { catalogue } from '../../documents/catalogue';
import type { PlaceholderFinding, PlaceholderStatus } from '../../documents/inspect-template';
import { repositories } from '../../db/instance';
import { platform } from '../../platform';
import { useTemplateReport, type ReportState } from './use-template-report';
import './documents.css';

const accepted: Record<'docx' | 'xlsx', string> = { docx: '.docx,.dotx', xlsx: '.xlsx,.xltx' };
const formatLabels = { docx: 'Word', xlsx: 'Excel' } as const;

const statusBadges: Record<PlaceholderStatus, { label: string; tone: string }> = {
  known: { label: 'Known', tone: 'ok' },
  unknown: { label: 'Unknown', tone: 'warn' },
  misplaced: { label: 'Misplaced', tone: 'warn' },
  private: { label: 'Private', tone: 'danger' },
  malformed: { label: 'Malformed', tone: 'danger' },
};

const kilobytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Reads the chosen file, refusing one over the size limit before reading it at all. */
async function readChosenFile(
  event: ChangeEvent<HTMLInputElement>,
): Promise<{ name: string; data: Uint8Array } | string | null> {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (!file) return null;
  if (file.size > MAX_TEMPLATE_BYTES) {
    return `${file.name} is ${kilobytes(file.size)}; a template can be at most ${kilobytes(MAX_TEMPLATE_BYTES)}. Remove large images and try again.`;
  }
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

function FilePicker({
  kind,
  label,
  onFile,
}: {
  kind: TemplateKind;
  label: string;
  onFile: (file: { name: string; data: Uint8Array }) => Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accepted[catalogue[kind].format]}
        aria-label={`${label} (${catalogue[kind].label})`}
        onChange={(event) => {
          readChosenFile(event)
            .then((file) => (typeof file === 'string' ? setMessage(file) : file && onFile(file)))
            .catch((cause: unknown) => setMessage(errorMessage(cause)));
        }}
      />
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </>
  );
}

function ProblemItem({ finding }: { finding: PlaceholderFinding }) {
  const badge = statusBadges[finding.status];
  return (
    <li className={`placeholder-item ${finding.status}`}>
      <div className="row">
        <code>{finding.text}</code>
        <span className={`badge ${badge.tone}`}>{badge.label}</span>
        {finding.suggestion && (
          <span>
            did you mean <code>{finding.suggestion}</code>?
          </span>
        )}
      </div>
      {!finding.suggestion && <p className="placeholder-message">{finding.message}</p>}
      <p className="placeholder-where">Found in {finding.where.join(', ')}</p>
    </li>
  );
}

function TemplateReportView({ report }: { report: ReportState | null }) {
  if (!report || report.state === 'loading')
    return <p className="muted placeholder-report">Reading the placeholders…</p>;
  if (report.state === 'failed') return <p className="field-error placeholder-report">{report.error}</p>;
  const { placeholders } = report.report;
  const problems = placeholders.filter((finding) => finding.status !== 'known');
  const known = placeholders.filter((finding) => finding.status === 'known');
  return (
    <details className="placeholder-report" open={problems.length > 0}>
      <summary>
        {placeholders.length === 0
          ? 'No placeholders found: the document will be saved exactly as it is.'
          : `${placeholders.length} placeholder${placeholders.length === 1 ? '' : 's'} found` +
            (problems.length ? ` — ${problems.length} to fix before this template can be used` : ', all known')}
      </summary>
      {problems.length > 0 && (
        <ul className="placeholder-list">
          {problems.map((finding) => (
            <ProblemItem key={`${finding.status}${finding.text}`} finding={finding} />
          ))}
        </ul>
      )}
      {known.length > 0 && (
        <p className="placeholder-known">
          <span className="muted">Known: </span>
          {known.map((finding) => (
            <code key={finding.text}>{finding.text}</code>
          ))}
        </p>
      )}
    </details>
  );
}

function StoredTemplateRow({
  template,
  radioName,
  onResult,
}: {
  template: StoredTemplate;
  radioName: string;
  onResult: (result: Result<unknown>) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const report = useTemplateReport(template);
  const ready = report?.state === 'ready' && report.report.ready;
  return (
    <div className="template-option">
      <label className="template-choice">
        <input
          type="radio"
          name={radioName}
          checked={template.active}
          disabled={!ready}
          onChange={() => void settle(repositories.templates.choose(template.kind, template.id), onResult)}
        />
        <span className="stack-tight">
          <strong>{template.name}</strong>
          <span className="muted">
            Imported {format(template.createdAt, 'd MMM yyyy')}
            {template.updatedAt !== template.createdAt &&
              `, replaced ${format(template.updatedAt, 'd MMM yyyy')}`} · {kilobytes(template.data.length)}
          </span>
        </span>
        {report?.state === 'ready' &&
          (ready ? <span className="badge ok">Ready</span> : <span className="badge warn">Needs fixing</span>)}
      </label>
      <div className="row template-actions">
        <FilePicker
          kind={template.kind}
          label="Replace…"
          onFile={(file) => settle(repositories.templates.replace(template.id, file.name, file.data), onResult)}
        />
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void repositories.templates.remove(template.id)}>
              Delete {template.name}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      <TemplateReportView report={report} />
    </div>
  );
}

/** Hands a command's result to `report`, a thrown failure included; the promise it answers never rejects. */
function settle(command: Promise<Result<unknown>>, report: (result: Result<unknown>) => void): Promise<void> {
  return command.then(report, (cause: unknown) => report(fail(errorMessage(cause))));
}

async function downloadBundled(kind: TemplateKind): Promise<Result<unknown>> {
  const name = catalogue[kind].bundled;
  const bundled = await platform.readTemplate({ name });
  if (!bundled.ok) return bundled;
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return platform.saveFile({
    suggestedName: name,
    data: bundled.value,
    filters: [{ name: formatLabels[catalogue[kind].format], extensions: [extension] }],
  });
}

function KindTemplates({ kind }: { kind: TemplateKind }) {
  const spec = catalogue[kind];
  const radioName = useId();
  const stored = useLiveQuery(() => repositories.templates.list(kind), [kind]);
  const [error, setError] = useState<string | null>(null);
  const report = (result: Result<unknown>) => setError(result.ok ? null : result.error);
  const usingBundled = !stored?.some((template) => template.active);
  return (
    <section className="template-kind" aria-label={spec.label}>
      <div className="section-title">
        <div>
          <h3>
            {spec.label} <span className="badge">{formatLabels[spec.format]}</span>
          </h3>
          <p className="muted template-description">{spec.description}</p>
        </div>
        <FilePicker
          kind={kind}
          label="Import your own…"
          onFile={(file) => settle(repositories.templates.import(kind, file.name, file.data), report)}
        />
      </div>
      {error && (
        <p className="notice warn" role="alert">
          {error}
        </p>
      )}
      <div
        className="template-options"
        role="radiogroup"
        aria-label={`Template used for the ${spec.label.toLowerCase()}`}
      >
        <div className="template-option">
          <label className="template-choice">
            <input
              type="radio"
              name={radioName}
              checked={usingBundled}
              onChange={() => void settle(repositories.templates.choose(kind, null), report)}
            />
            <span className="stack-tight">
              <strong>Bundled template</strong>
              <span className="muted">{spec.bundled}</span>
            </span>
          </label>
          <div className="row template-actions">
            <button type="button" className="link" onClick={() => void settle(downloadBundled(kind), report)}>
              Download to make your own
            </button>
          </div>
        </div>
        {stored?.map((template) => (
          <StoredTemplateRow key={template.id} template={template} radioName={radioName} onResult={report} />
        ))}
      </div>
    </section>
  );
}

export function TemplatesSettings() {
  return (
    <section className="card stack templates-settings" aria-label="Templates">
      <div className="section-title">
        <h2>Templates</h2>
        <span className="muted">Exports fill the bundled templates unless you choose your own.</span>
      </div>
      {templateKinds.map((kind) => (
        <KindTemplates key={kind} kind={kind} />
      ))}
    </section>
  );
}
