// Many sessions at once: one Word document with a section per session, or a .zip with a file per
// session. Pure and worker-safe; it yields now and then so it stays gentle on the main thread too.
import { zipSync, type Zippable } from 'fflate';
import { fail, ok, type Result } from '../../shared/result';
import { growChecklistData, sessionSummaryData, type DocumentContext, type SessionBundle } from './build-data';
import { catalogue } from './catalogue';
import { datedFileName, uniqueNames } from './file-names';
import { fillDocx, fillDocxParts } from './fill-docx';
import { openTemplate, readinessProblem } from './inspect-template';
import { mergeDocx } from './merge-docx';

export type BatchKind = 'grow-checklist' | 'session-summary';

export type BatchRequest = {
  kind: BatchKind;
  /** One .docx holding every session, or a .zip of one .docx per session. */
  format: 'docx' | 'zip';
  template: { name: string; data: Uint8Array };
  bundles: SessionBundle[];
  context: DocumentContext;
  locale: string;
};

export type BatchProgress = (done: number, total: number) => void;

const builders = { 'grow-checklist': growChecklistData, 'session-summary': sessionSummaryData } as const;
const YIELD_EVERY = 8;
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function buildSessionBatch(
  request: BatchRequest,
  onProgress: BatchProgress = () => {},
  signal?: AbortSignal,
): Promise<Result<Uint8Array>> {
  if (!request.bundles.length) return fail('There are no sessions to export.');
  const opened = openTemplate(request.template.data, request.kind, request.template.name);
  if (!opened.ok) return opened;
  if (opened.value.format !== 'docx') return fail('A batch of sessions needs a Word template.');
  const problem = readinessProblem(opened.value.report);
  if (problem) return fail(problem);
  const template = opened.value.docx;
  const options = { locale: request.locale };
  const total = request.bundles.length;
  const parts: Map<string, string>[] = [];
  const files: Uint8Array[] = [];
  for (const [index, bundle] of request.bundles.entries()) {
    if (signal?.aborted) return fail('The export was cancelled.');
    const data = builders[request.kind](bundle, request.context);
    if (request.format === 'docx') parts.push(fillDocxParts(template, data, options));
    else files.push(fillDocx(template, data, options));
    onProgress(index + 1, total);
    if ((index + 1) % YIELD_EVERY === 0) await pause();
  }
  if (request.format === 'docx') return ok(mergeDocx(template, parts));
  const label = catalogue[request.kind].fileLabel;
  const names = uniqueNames(
    request.bundles.map(({ session, participant }) => datedFileName(session.date, participant.name, label, 'docx')),
  );
  const archive: Zippable = {};
  names.forEach((name, i) => (archive[name] = [files[i], { level: 0 }]));
  return ok(zipSync(archive));
}
