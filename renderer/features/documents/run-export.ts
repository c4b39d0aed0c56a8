// Runs one export from a screen and tells the coach how it went: saved (with "Show in folder" on
// desktop), cancelled, or why it failed. Nothing else in the app changes either way.
import { createLogger } from '../../../shared/logger';
import { errorMessage, type Result } from '../../../shared/result';
import { showToast } from '../../components/toasts';
import { appExportDeps, showSavedDocument } from './export-deps';
import type { ExportDeps, SavedDocument } from './export-document';

const log = createLogger('documents');

/** `note` says what the coach should know about a saved document, such as what it left out. */
export async function runExport(
  what: string,
  exportWith: (deps: ExportDeps, documents: typeof import('./export-document')) => Promise<Result<SavedDocument>>,
  note = '',
): Promise<void> {
  try {
    const [deps, documents] = await Promise.all([appExportDeps(), import('./export-document')]);
    const result = await exportWith(deps, documents);
    if (!result.ok) {
      showToast({ message: `${what} was not exported: ${result.error}` });
      return;
    }
    if (!result.value.saved) return;
    const { path, fileName } = result.value;
    showToast({
      message: note ? `Saved ${fileName}. ${note}` : `Saved ${fileName}`,
      ...(path ? { actionLabel: 'Show in folder', onAction: () => void showSavedDocument(path) } : {}),
    });
  } catch (error) {
    log.error(`exporting ${what} failed`, error);
    showToast({ message: `${what} could not be exported: ${errorMessage(error)}` });
  }
}
