// Settings → Backups: the automatic backups (kept 14 days, then weekly for 8 weeks), "Back up
// now", "Export everything" to a file, how they are encrypted, and restoring from an automatic
// backup or any backup file, always through the preview (after asking for the backup's key when
// this computer does not hold it). After a restore the app reloads on the restored data and says so.
import { useCallback, useEffect, useRef, useState } from 'react';
import { format } from 'date-fns';
import type { BackupFile } from '../../../shared/backup-files';
import { errorMessage } from '../../../shared/result';
import { BACKUP_EXTENSION, KEEP_DAILY, KEEP_SAFETY_DAYS, KEEP_WEEKLY } from '../../../shared/backup-files';
// eslint-disable-next-line no-restricted-imports -- handed to backup and restore (renderer/backup), which read and write every table
import { database } from '../../db/instance';
import { platform } from '../../platform';
import { useDesktop } from '../../platform/use-desktop';
import { exportEverything, writeBackup } from '../../backup/backup-service';
import { readBackupBlob } from '../../backup/read-backup-file';
import { prepareRestore, type RestorePlan } from '../../backup/restore';
import { runRestore, type RestorePhase } from '../../backup/run-restore';
import { readSyncSettings } from '../../sync/settings';
import { connectorDifference, keptByRestore } from './device-settings';
import { appBackupDeps, useAutomaticBackupStatus } from './backup-deps';
import { backupKindLabels, fileSize, plural } from './labels';
import { RestorePreview } from './restore-preview';
import { BackupKeyPanel } from './backup-key-panel';
import { UnlockBackup, type LockedBackup } from './unlock-backup';
import './privacy.css';

const RESTORE_REPORT_KEY = 'followthrough.restore-report';

type Message = { tone: 'ok' | 'error'; text: string };
type Chosen = { plan: RestorePlan; source: string; connectorNote: string | null };

/** Read in render, removed once shown: a render React throws away must not take the report with it. */
function readRestoreReport(): Message | null {
  const text = sessionStorage.getItem(RESTORE_REPORT_KEY);
  return text ? { tone: 'ok', text } : null;
}

function useBackupList() {
  const [listed, setListed] = useState<{ files: BackupFile[] | null; error: string | null }>({
    files: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void platform.listBackups().then((result) => {
      if (current) setListed(result.ok ? { files: result.value, error: null } : { files: [], error: result.error });
    });
    return () => {
      current = false;
    };
  }, [version]);
  const refresh = useCallback(() => setVersion((count) => count + 1), []);
  return { ...listed, refresh };
}

export function BackupsSection() {
  const { files, error: listError, refresh } = useBackupList();
  const desktop = useDesktop();
  const automaticError = useAutomaticBackupStatus((state) => state.lastError);
  const [message, setMessage] = useState<Message | null>(readRestoreReport);
  const [busy, setBusy] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [locked, setLocked] = useState<LockedBackup | null>(null);
  const [phase, setPhase] = useState<RestorePhase | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => sessionStorage.removeItem(RESTORE_REPORT_KEY), []);

  async function act(label: string, work: () => Promise<Message | null>) {
    setBusy(label);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (cause) {
      setMessage({ tone: 'error', text: errorMessage(cause) });
    } finally {
      setBusy(null);
    }
  }

  /** The preview of a backup, or the question for its key when this computer does not hold it. */
  async function open(source: string, bytes: Uint8Array, typed?: string): Promise<Message | null> {
    const plan = await prepareRestore(database, bytes, {
      keepsSetting: keptByRestore,
      unlock: { held: await appBackupDeps.keys.held(), typed },
    });
    if (!plan.ok && plan.keyMethod) {
      setLocked({
        source,
        bytes,
        method: plan.keyMethod,
        problem: { firstAsk: typed === undefined, text: plan.error },
      });
      return null;
    }
    setLocked(null);
    if (!plan.ok) return { tone: 'error', text: plan.error };
    const connectorNote = connectorDifference(plan.value, await readSyncSettings(database));
    setChosen({ plan: plan.value, source, connectorNote });
    return null;
  }

  const preview = (
    source: string,
    read: () => Promise<{ ok: true; value: Uint8Array } | { ok: false; error: string }>,
  ) =>
    act('Reading the backup…', async () => {
      setChosen(null);
      setLocked(null);
      const bytes = await read();
      if (!bytes.ok) return { tone: 'error', text: bytes.error };
      return open(source, bytes.value);
    });

  async function restore({ plan }: Chosen) {
    const result = await runRestore(database, plan, { ...appBackupDeps, onPhase: setPhase });
    setPhase(null);
    if (!result.ok) {
      setChosen(null);
      setMessage({ tone: 'error', text: result.error });
      refresh();
      return;
    }
    const made = format(Date.parse(plan.header.createdAt), 'd MMM yyyy, HH:mm');
    sessionStorage.setItem(
      RESTORE_REPORT_KEY,
      `Restored the backup of ${made}: ${plural(result.value.records, 'record')}. Your data as it was just before is in the backup “Before a restore”, should you want it back.`,
    );
    // A clean start on the restored data: every screen, the search index and sync read it afresh.
    window.location.reload();
  }

  return (
    <section className="card stack" aria-label="Backups">
      <div className="section-title">
        <h2>Backups</h2>
        {busy && <span className="muted">{busy}</span>}
      </div>
      <p className="muted">
        Followthrough backs up everything each day you use it, before each update of how your data is stored and before
        each restore. It keeps the last {KEEP_DAILY} days, then one a week for {KEEP_WEEKLY} weeks; backups made before
        an update or a restore are kept {KEEP_SAFETY_DAYS} days.{' '}
        {desktop
          ? 'They are in the app’s data folder on this computer.'
          : 'In the browser they are kept with the app’s data, so also export a file now and then.'}
      </p>
      <div className="row">
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            void act('Backing up…', async () => {
              const written = await writeBackup(database, 'manual', appBackupDeps);
              refresh();
              if (!written.ok) return { tone: 'error', text: written.error };
              return { tone: 'ok', text: written.value ? 'Backed up.' : 'There is nothing to back up yet.' };
            })
          }
        >
          Back up now
        </button>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            void act('Exporting…', async () => {
              const saved = await exportEverything(database, appBackupDeps);
              if (!saved.ok) return { tone: 'error', text: saved.error };
              if (!saved.value.saved) return null;
              return {
                tone: 'ok',
                text: saved.value.path ? `Saved to ${saved.value.path}` : 'Exported: see your downloads.',
              };
            })
          }
        >
          Export everything…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
          Restore from a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept={`.${BACKUP_EXTENSION}`}
          aria-label="Backup file to restore"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void preview(file.name, () => readBackupBlob(file));
          }}
        />
        {desktop && (
          <button type="button" onClick={() => void platform.openBackupFolder()} disabled={busy !== null}>
            Open the backups folder
          </button>
        )}
      </div>
      {message && (
        <p
          className={message.tone === 'error' ? 'notice warn' : 'notice ok'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {automaticError && <p className="notice warn">The last automatic backup failed: {automaticError}</p>}
      {locked && (
        <UnlockBackup
          key={locked.source}
          locked={locked}
          busy={busy !== null}
          onOpen={(typed) => void act('Opening the backup…', () => open(locked.source, locked.bytes, typed))}
          onCancel={() => setLocked(null)}
        />
      )}
      {listError && <p className="notice warn">The backups could not be listed: {listError}</p>}
      {chosen && (
        <RestorePreview
          plan={chosen.plan}
          source={chosen.source}
          connectorNote={chosen.connectorNote}
          phase={phase}
          onRestore={() => void restore(chosen)}
          onCancel={() => setChosen(null)}
        />
      )}
      <BackupKeyPanel />
      {files?.length === 0 && (
        <p className="muted">
          No automatic backup yet: the first is made soon after start-up, at a pause in your typing.
        </p>
      )}
      {files && files.length > 0 && (
        <ul className="plain-list backup-list" aria-label="Automatic backups">
          {files.map((file) => (
            <li key={file.name}>
              <span>
                {format(file.createdAt, 'EEE d MMM yyyy, HH:mm')}{' '}
                <span className="badge">{backupKindLabels[file.kind]}</span>
              </span>
              <span className="row">
                <span className="muted">{fileSize(file.sizeBytes)}</span>
                <button
                  type="button"
                  disabled={busy !== null || phase !== null}
                  onClick={() =>
                    void preview(format(file.createdAt, 'd MMM yyyy, HH:mm'), () =>
                      platform.readBackup({ name: file.name }),
                    )
                  }
                >
                  Restore…
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
