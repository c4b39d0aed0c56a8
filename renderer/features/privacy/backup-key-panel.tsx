// Settings → Backups → Backup encryption: every backup is encrypted with this computer's backup
// key, and restoring one on another computer needs its recovery key or passphrase. Until the coach
// chooses, the first backup makes a recovery key, and this panel asks them to record it. A
// recovery key is shown once; after that it can only be replaced.
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';
import {
  createRecoveryKey,
  readBackupEncryption,
  revealRecoveryKey,
  choosePassphrase,
  type BackupEncryption,
  type ShownRecoveryKey,
} from '../../backup/backup-key-setting';
import { passphraseProblem } from '../../backup/backup-key';
import { recoveryKeyText } from '../../backup/recovery-key';

type Editing = 'passphrase' | null;

const OLDER_BACKUPS_NOTE =
  'A new recovery key or passphrase applies to new backups. Backups made before keep their old key: this computer still opens them; another computer needs the old recovery key or passphrase.';

/** The stored key, 'unreadable' when the setting cannot be read, undefined while loading. */
function useBackupEncryption() {
  return useLiveQuery(() => readBackupEncryption(repositories.settings).catch((): 'unreadable' => 'unreadable'), []);
}

function StatusNotice({ stored }: { stored: BackupEncryption | null }) {
  if (!stored) {
    return (
      <p className="notice warn">
        Your backups are encrypted, but you have not chosen a recovery key or a passphrase yet: until you do, they
        cannot be restored on another computer.
      </p>
    );
  }
  const since = format(stored.current.createdAt, 'd MMM yyyy');
  if (stored.current.method === 'passphrase') {
    return (
      <p className="notice ok">
        Backups made since {since} are encrypted with your passphrase. To restore one on another computer, you need it.
      </p>
    );
  }
  if (!stored.current.shown) {
    return (
      <p className="notice warn">
        Your backups are encrypted with a recovery key Followthrough made for you on {since}. Record it now: without it,
        they cannot be restored on another computer. It is shown only once.
      </p>
    );
  }
  return (
    <p className="notice ok">
      Backups made since {since} are encrypted with your recovery key. To restore one on another computer, you need it.
    </p>
  );
}

function copyKey(text: string, setCopied: (copied: string) => void) {
  navigator.clipboard.writeText(text).then(
    () => setCopied('Copied. Paste it where you keep passwords, then clear the clipboard.'),
    (cause: unknown) => setCopied(`It could not be copied: ${errorMessage(cause)}. Write it down or print it.`),
  );
}

/** The page that prints: only the key and how to use it. */
type Shown = { text: string; createdAt: number };

/** The groups in two even rows; the dashes are there for copying, not to be read. */
function RecoveryKeyGroups({ text, label }: { text: string; label?: string }) {
  const groups = text.split('-');
  return (
    <p className="recovery-key-text" aria-label={label}>
      {groups.map((group, index) => (
        <span key={`${index}-${group}`} className="recovery-key-group">
          {group}
          {index < groups.length - 1 && <span className="recovery-key-dash">-</span>}
        </span>
      ))}
    </p>
  );
}

function PrintSheet({ text, createdAt }: Shown) {
  return createPortal(
    <section className="recovery-key-print" aria-hidden="true">
      <h1>Followthrough recovery key</h1>
      <RecoveryKeyGroups text={text} />
      <p>Made on {format(createdAt, 'd MMMM yyyy')}.</p>
      <p>
        This key opens your Followthrough backups. To restore one on another computer, install Followthrough, go to
        Settings → Backups, choose “Restore from a file…”, pick the backup file and type this key when asked.
      </p>
      <p>Keep this page apart from your computer, somewhere safe. Anyone who has it and a backup file can read it.</p>
    </section>,
    document.body,
  );
}

function RecoveryKeyShownOnce({ shown: { text, createdAt }, onClose }: { shown: Shown; onClose: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section className="recovery-key-once stack" aria-label="Your recovery key">
      <h3>Your recovery key</h3>
      <p>
        Write it down, print it or keep it in your password manager, apart from this computer. This is the only time it
        is shown: Followthrough cannot show it again or recover it.
      </p>
      <RecoveryKeyGroups text={text} label="Recovery key" />
      <div className="row">
        <button type="button" onClick={() => copyKey(text, setCopied)}>
          Copy
        </button>
        <button type="button" onClick={() => window.print()}>
          Print…
        </button>
        <button type="button" className="primary" onClick={onClose}>
          I have recorded it
        </button>
      </div>
      {copied && (
        <p className="field-hint" role="status">
          {copied}
        </p>
      )}
      <PrintSheet text={text} createdAt={createdAt} />
    </section>
  );
}

type PassphraseProblem = { field: 'passphrase' | 'repeat' | 'form'; text: string };

/** A new-passphrase field with what is wrong with it said beside it. */
function PassphraseField(props: {
  field: 'passphrase' | 'repeat';
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: PassphraseProblem | null;
}) {
  const id = `backup-${props.field}`;
  const wrong = props.problem?.field === props.field;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={props.value}
        aria-invalid={wrong}
        aria-describedby={wrong ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {wrong && (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {props.problem!.text}
        </p>
      )}
    </div>
  );
}

function PassphraseForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const bad = passphraseProblem(passphrase);
    if (bad) return setProblem({ field: 'passphrase', text: bad });
    if (repeat !== passphrase) return setProblem({ field: 'repeat', text: 'The two passphrases are not the same.' });
    setProblem(null);
    setWorking(true);
    try {
      await choosePassphrase(repositories.settings, passphrase, Date.now());
      onDone();
    } catch (cause) {
      setProblem({ field: 'form', text: `The passphrase was not saved: ${errorMessage(cause)}` });
    } finally {
      setWorking(false);
    }
  }

  return (
    <form className="stack" aria-label="Backup passphrase" onSubmit={(event) => void submit(event)}>
      <div className="grid-2">
        <PassphraseField
          field="passphrase"
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          problem={problem}
        />
        <PassphraseField field="repeat" label="Repeat it" value={repeat} onChange={setRepeat} problem={problem} />
      </div>
      <p className="field-hint">
        At least 10 characters; a few unrelated words are easy to remember and hard to guess. Followthrough does not
        keep it and cannot recover it.
      </p>
      {problem?.field === 'form' && (
        <p className="field-error" role="alert">
          {problem.text}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={working}>
          {working ? 'One moment…' : 'Use this passphrase'}
        </button>
        <button type="button" onClick={onCancel} disabled={working}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function BackupKeyPanel() {
  const stored = useBackupEncryption();
  const [editing, setEditing] = useState<Editing>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = (get: () => Promise<ShownRecoveryKey | null>) => {
    setError(null);
    get()
      .then(async (made) => setShown(made && { text: await recoveryKeyText(made.key), createdAt: made.createdAt }))
      .catch((cause: unknown) => setError(`The recovery key could not be made: ${errorMessage(cause)}`));
  };
  if (stored === undefined) return null;
  if (stored === 'unreadable') {
    return (
      <p className="notice warn" role="alert">
        The backup key kept on this computer cannot be read, so no backup can be made. Choose a new recovery key or
        passphrase below; backups made before need the old one.
      </p>
    );
  }
  const autoKeyToShow = stored?.current.method === 'recovery-key' && !stored.current.shown;
  return (
    <div className="stack backup-key-panel" role="group" aria-label="Backup encryption">
      <h3>Encryption</h3>
      {shown ? (
        <RecoveryKeyShownOnce shown={shown} onClose={() => setShown(null)} />
      ) : (
        <>
          <StatusNotice stored={stored} />
          {editing === 'passphrase' ? (
            <PassphraseForm onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
          ) : (
            <div className="row">
              {autoKeyToShow ? (
                <button
                  type="button"
                  className="primary"
                  onClick={() => show(() => revealRecoveryKey(repositories.settings))}
                >
                  Show the recovery key
                </button>
              ) : (
                <button
                  type="button"
                  className={stored ? undefined : 'primary'}
                  onClick={() => show(() => createRecoveryKey(repositories.settings, Date.now()))}
                >
                  {stored?.current.method === 'recovery-key' ? 'Replace recovery key' : 'Create a recovery key'}
                </button>
              )}
              <button type="button" onClick={() => setEditing('passphrase')}>
                {stored?.current.method === 'passphrase' ? 'Change the passphrase' : 'Use a passphrase'}
              </button>
            </div>
          )}
          {stored && <p className="field-hint">{OLDER_BACKUPS_NOTE}</p>}
        </>
      )}
      {error && (
        <p className="notice warn" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
