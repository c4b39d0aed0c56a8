// The exports the screens call: load the coach's template for the kind (or the bundled one),
// fill it, and save it where the coach chooses (a save dialog on desktop, a download on the web).
// The document layer loads on the first export, never at start-up.
import type { PlatformApi } from '../../../shared/ipc';
import type { MetricsReport } from '../../../shared/metrics/metrics-report';
import type { CalendarDate, Contract, Participant, TemplateKind } from '../../../shared/model';
import { fail, type Result } from '../../../shared/result';
import type { DocumentContext, SessionBundle } from '../../documents/build-data';
import type { FillData } from '../../documents/fill-data';
import type { TemplatesRepository } from '../../db/templates';
import type { BatchKind, BatchProgress } from '../../documents/batch';
import { runBatch } from './run-batch';

export type ExportDeps = {
  platform: PlatformApi;
  templates: Pick<TemplatesRepository, 'inUse'>;
  /** The coach's locale, for dates in documents. */
  locale: string;
  coachName: string;
  coachOrganisation: string;
  today: () => CalendarDate;
};

export type SavedDocument = { fileName: string; saved: boolean; path: string | null };

const filters = {
  docx: { name: 'Word document', extensions: ['docx'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV file', extensions: ['csv'] },
  zip: { name: 'ZIP archive', extensions: ['zip'] },
} as const;

async function save(
  deps: ExportDeps,
  fileName: string,
  data: Uint8Array,
  type: keyof typeof filters,
): Promise<Result<SavedDocument>> {
  const filter = { name: filters[type].name, extensions: [...filters[type].extensions] };
  // fflate and TextEncoder always allocate a plain ArrayBuffer, never a shared one.
  const bytes = new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
  const saved = await deps.platform.saveFile({ suggestedName: fileName, data: bytes, filters: [filter] });
  return saved.ok ? { ok: true, value: { fileName, ...saved.value } } : saved;
}

/** The template a kind is filled from: the coach's own when one is in use, else the bundled file. */
export async function templateFor(
  kind: TemplateKind,
  deps: ExportDeps,
): Promise<Result<{ name: string; data: Uint8Array }>> {
  const own = await deps.templates.inUse(kind);
  if (own) return { ok: true, value: { name: own.name, data: own.data } };
  const { catalogue } = await import('../../documents/catalogue');
  const name = catalogue[kind].bundled;
  const bundled = await deps.platform.readTemplate({ name });
  return bundled.ok ? { ok: true, value: { name, data: bundled.value } } : bundled;
}

/** Who made the document and when, as every export states it. */
export const documentContext = (deps: ExportDeps): DocumentContext => ({
  coachName: deps.coachName,
  coachOrganisation: deps.coachOrganisation,
  today: deps.today(),
});

type FilledDocument = { fileName: string; data: Uint8Array; format: 'docx' | 'xlsx' };

/** The kind's template (the coach's or the bundled one) filled, and the file name it is saved under. */
async function fillDocument(
  kind: TemplateKind,
  build: (builders: typeof import('../../documents/build-data')) => FillData,
  fileName: (names: typeof import('../../documents/file-names'), label: string, extension: string) => string,
  deps: ExportDeps,
): Promise<Result<FilledDocument>> {
  const [template, builders, names, { openTemplate }, { fillTemplate }, { catalogue }] = await Promise.all([
    templateFor(kind, deps),
    import('../../documents/build-data'),
    import('../../documents/file-names'),
    import('../../documents/inspect-template'),
    import('../../documents/fill-template'),
    import('../../documents/catalogue'),
  ]);
  if (!template.ok) return template;
  const opened = openTemplate(template.value.data, kind, template.value.name);
  if (!opened.ok) return fail(`Your template "${template.value.name}" cannot be used: ${opened.error}`);
  const filled = fillTemplate(opened.value, build(builders), { locale: deps.locale });
  if (!filled.ok) return filled;
  const format = catalogue[kind].format;
  return {
    ok: true,
    value: { fileName: fileName(names, catalogue[kind].fileLabel, format), data: filled.value, format },
  };
}

async function saveFilled(filled: Result<FilledDocument>, deps: ExportDeps): Promise<Result<SavedDocument>> {
  if (!filled.ok) return filled;
  const { fileName, data, format } = filled.value;
  return save(deps, fileName, data, format);
}

const exportFilled = async (...document: Parameters<typeof fillDocument>) =>
  saveFilled(await fillDocument(...document), document[3]);

/** A one-session document, named by the session's date and the participant. */
const fillSessionDocument = (kind: BatchKind, bundle: SessionBundle, deps: ExportDeps) =>
  fillDocument(
    kind,
    (b) => b[kind === 'grow-checklist' ? 'growChecklistData' : 'sessionSummaryData'](bundle, documentContext(deps)),
    (n, label, ext) => n.datedFileName(bundle.session.date, bundle.participant.name, label, ext),
    deps,
  );

export const exportGrowChecklist = async (bundle: SessionBundle, deps: ExportDeps) =>
  saveFilled(await fillSessionDocument('grow-checklist', bundle, deps), deps);
export const exportSessionSummary = async (bundle: SessionBundle, deps: ExportDeps) =>
  saveFilled(await fillSessionDocument('session-summary', bundle, deps), deps);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The leader's follow-up as a mail draft with the session summary attached: opened in the coach's
 * mail app on desktop, saved as an .eml file on the web. Only what the summary and the follow-up
 * share, and nothing when the participant's consent shares no actions.
 */
export async function exportFollowUpDraft(bundle: SessionBundle, deps: ExportDeps): Promise<Result<SavedDocument>> {
  const [{ followUpInput, followUpMessage, followUpSubject }, { mailDraft }, { datedFileName }] = await Promise.all([
    import('../../documents/follow-up-message'),
    import('../../documents/mail-draft'),
    import('../../documents/file-names'),
  ]);
  const message = followUpMessage(followUpInput(bundle));
  if (!message)
    return fail(`${bundle.participant.name}’s consent shares no actions, so there is no follow-up to send.`);
  const summary = await fillSessionDocument('session-summary', bundle, deps);
  if (!summary.ok) return summary;
  const eml = mailDraft({
    subject: followUpSubject(bundle.session),
    ...message,
    attachment: { fileName: summary.value.fileName, contentType: DOCX_TYPE, data: summary.value.data },
    date: new Date(),
  });
  const fileName = datedFileName(bundle.session.date, bundle.participant.name, 'Follow-up', 'eml');
  const opened = await deps.platform.openMailDraft({ fileName, data: new TextEncoder().encode(eml) });
  return opened.ok ? { ok: true, value: { fileName, saved: true, path: opened.value.path } } : opened;
}

export const exportContractWorkbook = (contract: Contract, participant: Participant, deps: ExportDeps) =>
  exportFilled(
    'contract-workbook',
    (b) => b.contractWorkbookData(contract, participant, documentContext(deps)),
    (n, label, ext) => n.safeFileName(`${participant.name} - ${contract.title || label}`, ext),
    deps,
  );

/** The measurement fields schema with each pilot measure as the report shows it, for a BI tool. */
export async function exportMeasurementFields(
  report: Pick<MetricsReport, 'measures' | 'scopeLabel' | 'range'>,
  deps: ExportDeps,
): Promise<Result<SavedDocument>> {
  const schema = await deps.platform.readTemplate({ name: 'Measurement-Fields-Config.csv' });
  if (!schema.ok) return schema;
  const { measurementFieldsExport } = await import('../../metrics/measurement-fields');
  const exported = measurementFieldsExport(report, new TextDecoder().decode(schema.value), deps.today());
  if (!exported.ok) return exported;
  return save(deps, exported.value.fileName, new TextEncoder().encode(exported.value.csv), 'csv');
}

export type BatchOptions = {
  kind: BatchKind;
  format: 'docx' | 'zip';
  /** Names the file: "Amara Okafor" or "2026-09-01 to 2026-11-30". */
  title: string;
  onProgress?: BatchProgress;
  signal?: AbortSignal;
};

const batchLabels: Record<BatchKind, string> = {
  'grow-checklist': 'GROW checklists',
  'session-summary': 'Session summaries',
};

/** Many sessions as one Word document or a .zip of documents, built off the main thread. */
export async function exportSessionBatch(
  bundles: SessionBundle[],
  options: BatchOptions,
  deps: ExportDeps,
): Promise<Result<SavedDocument>> {
  const template = await templateFor(options.kind, deps);
  if (!template.ok) return template;
  const built = await runBatch(
    {
      kind: options.kind,
      format: options.format,
      template: template.value,
      bundles,
      context: documentContext(deps),
      locale: deps.locale,
    },
    options.onProgress,
    options.signal,
  );
  if (!built.ok) return built;
  const { safeFileName } = await import('../../documents/file-names');
  return save(
    deps,
    safeFileName(`${options.title} - ${batchLabels[options.kind]}`, options.format),
    built.value,
    options.format,
  );
}
