// A backup sealed with a key this computer does not hold (made on another computer, or with a key
// chosen there): the coach types its recovery key or passphrase, whichever it was made with. A
// wrong one or a typo is said beside the field; nothing is restored until the preview.
import { useState, type FormEvent } from 'react';
import type { KeyMethod } from '../../backup/backup-key';

export type LockedBackup = {
  source: string;
  bytes: Uint8Array;
  method: KeyMethod;
  /** Why it did not open: the first time, that it needs a key; then a wrong key or a typo. */
  problem: { firstAsk: boolean; text: string };
};

const labels: Record<KeyMethod, { title: string; field: string }> = {
  'recovery-key': { title: 'This backup needs its recovery key', field: 'Recovery key' },
  passphrase: { title: 'This backup needs its passphrase', field: 'Passphrase' },
};

export function UnlockBackup({
  locked,
  busy,
  onOpen,
  onCancel,
}: {
  locked: LockedBackup;
  busy: boolean;
  onOpen: (typed: string) => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const { title, field } = labels[locked.method];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onOpen(typed);
  };
  return (
    <form className="restore-preview" aria-label="Open the backup" onSubmit={submit}>
      <h3>{title}</h3>
      <p className="muted">
        {locked.source}:{' '}
        {locked.problem.firstAsk ? locked.problem.text : 'made with a key this computer does not hold.'}
      </p>
      <div className="field unlock-field">
        <label htmlFor="unlock-backup-key">{field}</label>
        <input
          id="unlock-backup-key"
          className={locked.method === 'recovery-key' ? 'recovery-key-input' : undefined}
          type={locked.method === 'passphrase' ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={typed}
          aria-invalid={!locked.problem.firstAsk}
          aria-describedby={locked.problem.firstAsk ? undefined : 'unlock-backup-problem'}
          onChange={(event) => setTyped(event.target.value)}
        />
        {!locked.problem.firstAsk && (
          <p className="field-error" role="alert" id="unlock-backup-problem">
            {locked.problem.text}
          </p>
        )}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || typed.trim() === ''}>
          Open the backup
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
