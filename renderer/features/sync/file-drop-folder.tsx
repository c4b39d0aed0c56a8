// Where the file drop writes, in Sync settings. On desktop: the folder the coach chose once (in the
// app's own folder dialog; the page never names a path), whether it can be written to now, and the
// files written last. In the browser: each sync downloads the two files.
import { format } from 'date-fns';
import { useEffect, useId, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';
import { platform } from '../../platform';
import { useSyncStatus } from '../../sync/sync-status';

type Target = ChannelOutput<'fileDropTarget'>;

const formats = 'a CSV (for a bulk import into an OKR or task tool) and a JSON Lines file';

export function FileDropFolderField() {
  const id = useId();
  const [target, setTarget] = useState<Target | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  // A run may have written files since: read the folder's state again after each.
  const lastRunAt = useSyncStatus((status) => status.last?.at);

  const show = (result: Result<Target>) => {
    if (result.ok) setTarget(result.value);
    setError(result.ok ? null : result.error);
  };
  useEffect(() => {
    void platform.fileDropTarget().then(show);
  }, [lastRunAt]);

  const choose = async () => {
    setChoosing(true);
    show(await platform.chooseFileDropFolder());
    setChoosing(false);
  };

  if (!target) return error ? <p className="field-error">{error}</p> : null;
  if (target.target === 'downloads') {
    return <p className="field-hint">In the browser, each sync downloads {formats}, named by the week.</p>;
  }
  const problem = error ?? target.problem;
  return (
    <div className="field">
      <label htmlFor={`${id}-folder`}>Folder</label>
      <div className="row sync-folder-row">
        <output id={`${id}-folder`} className="sync-folder" data-empty={target.folder === null}>
          {target.folder ?? 'No folder chosen yet'}
        </output>
        <button type="button" disabled={choosing} onClick={() => void choose()}>
          {target.folder ? 'Change folder…' : 'Choose folder…'}
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="field-hint">
        Each sync writes {formats} here, named by the week; choose a synced OneDrive or Dropbox folder to share them.
      </p>
      {target.lastWritten && (
        <p className="field-hint">
          Last written {format(target.lastWritten.at, "EEEE d MMMM 'at' HH:mm")}:{' '}
          {target.lastWritten.names.join(' and ')}
        </p>
      )}
    </div>
  );
}
