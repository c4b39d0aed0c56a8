// Settings → App lock: turn the lock on with a passcode, choose after how many idle minutes it
// locks, hide the window from screenshots and the task switcher, lock now, change the passcode or
// turn the lock off (both need the current passcode).
import { useState, type FormEvent, type ReactNode } from 'react';
import { CheckField } from '../../components/fields';
import { errorMessage } from '../../../shared/result';
import { idleMinuteChoices, type LockConfig } from './lock-config';
import { LOCK_SHORTCUT_LABEL } from './lock-gate';
import { lockNow, saveLockConfig, useLock } from './lock-store';
import { NotesProtectionNotice } from './notes-protection-notice';
import { hashPasscode, passcodeProblem, verifyPasscode } from './passcode';

const idleLabel = (minutes: number) =>
  minutes === 0 ? 'Only when I lock it' : `After ${minutes} minute${minutes === 1 ? '' : 's'} without use`;

function IdleChoice({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  return (
    <div className="field lock-field">
      <label htmlFor="lock-idle">Lock</label>
      <select id="lock-idle" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {idleMinuteChoices.map((minutes) => (
          <option key={minutes} value={minutes}>
            {idleLabel(minutes)}
          </option>
        ))}
      </select>
    </div>
  );
}

function PasscodeField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  current?: boolean;
}) {
  return (
    <div className="field lock-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        autoComplete={props.current ? 'current-password' : 'new-password'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

type PasscodeFormProps = {
  askCurrent: LockConfig | null;
  submitLabel: string;
  danger?: boolean;
  /** Receives the new passcode, or null when the form only confirms the current one. */
  onDone: (passcode: string | null) => Promise<void>;
  onCancel?: () => void;
  withNew: boolean;
  children?: ReactNode;
};

function PasscodeForm({ askCurrent, submitLabel, danger, onDone, onCancel, withNew, children }: PasscodeFormProps) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (withNew) {
      const problem = passcodeProblem(next);
      if (problem) return setError(problem);
      if (next !== repeat) return setError('The two passcodes are not the same');
    }
    setWorking(true);
    try {
      if (askCurrent && !(await verifyPasscode(current, askCurrent.passcode))) {
        setError('That is not your current passcode');
        return;
      }
      await onDone(withNew ? next : null);
    } catch (cause) {
      setError(`The app lock was not changed: ${errorMessage(cause)}`);
    } finally {
      setWorking(false);
    }
  }

  return (
    <form className="stack lock-form" onSubmit={(event) => void submit(event)}>
      {askCurrent && (
        <PasscodeField id="lock-current" label="Current passcode" value={current} onChange={setCurrent} current />
      )}
      {withNew && (
        <div className="grid-2 lock-fields">
          <PasscodeField id="lock-new" label="New passcode" value={next} onChange={setNext} />
          <PasscodeField id="lock-repeat" label="Repeat it" value={repeat} onChange={setRepeat} />
        </div>
      )}
      {children}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={working}>
          {working ? 'One moment…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function TurnOn() {
  const [idleMinutes, setIdleMinutes] = useState(10);
  return (
    <PasscodeForm
      askCurrent={null}
      withNew
      submitLabel="Turn on the app lock"
      onDone={async (passcode) =>
        saveLockConfig({ passcode: await hashPasscode(passcode!), idleMinutes, hideContent: true }, passcode!)
      }
    >
      <IdleChoice value={idleMinutes} onChange={setIdleMinutes} />
      <p className="field-hint">
        Followthrough cannot recover a forgotten passcode: keep it somewhere safe, such as your password manager.
      </p>
    </PasscodeForm>
  );
}

function LockOn({ config }: { config: LockConfig }) {
  const [editing, setEditing] = useState<'change' | 'off' | null>(null);
  const update = (patch: Partial<LockConfig>) => void saveLockConfig({ ...config, ...patch });
  if (editing === 'change') {
    return (
      <PasscodeForm
        askCurrent={config}
        withNew
        submitLabel="Change the passcode"
        onCancel={() => setEditing(null)}
        onDone={async (passcode) => {
          await saveLockConfig({ ...config, passcode: await hashPasscode(passcode!) }, passcode!);
          setEditing(null);
        }}
      />
    );
  }
  if (editing === 'off') {
    return (
      <PasscodeForm
        askCurrent={config}
        withNew={false}
        danger
        submitLabel="Turn off the app lock"
        onCancel={() => setEditing(null)}
        onDone={() => saveLockConfig(null)}
      />
    );
  }
  return (
    <div className="stack">
      <IdleChoice value={config.idleMinutes} onChange={(idleMinutes) => update({ idleMinutes })} />
      <CheckField checked={config.hideContent} onChange={(hideContent) => update({ hideContent })}>
        Hide the window’s content in the task switcher, in screenshots and while you are in another app
      </CheckField>
      <div className="row">
        <button type="button" className="primary" onClick={lockNow}>
          Lock now <kbd>{LOCK_SHORTCUT_LABEL}</kbd>
        </button>
        <button type="button" onClick={() => setEditing('change')}>
          Change the passcode…
        </button>
        <button type="button" className="danger" onClick={() => setEditing('off')}>
          Turn off…
        </button>
      </div>
    </div>
  );
}

export function LockSection() {
  const { config, status } = useLock();
  return (
    <section className="card stack" aria-label="App lock">
      <div className="section-title">
        <h2>App lock</h2>
        <span className={config ? 'badge ok' : 'badge'}>{config ? 'On' : 'Off'}</span>
      </div>
      <p className="muted">
        With a passcode, Followthrough locks when you step away and on demand ({LOCK_SHORTCUT_LABEL}, or “Lock” in the
        command palette). While it is locked nothing of your data is on screen.
      </p>
      <NotesProtectionNotice />
      {status !== 'loading' && (config ? <LockOn config={config} /> : <TurnOn />)}
    </section>
  );
}
