// The screen while Followthrough is locked: the app itself is unmounted, so nothing of the
// coach's data is in the page, only this passcode form. Five wrong tries in a row wait 30 s.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../shared/result';
import { unlock } from './lock-store';

const TRIES_BEFORE_PAUSE = 5;
const PAUSE_MS = 30_000;

export function LockScreen() {
  const [passcode, setPasscode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [failures, setFailures] = useState(0);
  const [pausedUntil, setPausedUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    document.title = 'Locked · Followthrough';
  }, []);

  useEffect(() => {
    if (pausedUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1_000);
    return () => clearTimeout(timer);
  }, [pausedUntil, now]);

  const waitSeconds = Math.ceil((pausedUntil - now) / 1000);
  const paused = waitSeconds > 0;

  const tryPasscode = async () => {
    setChecking(true);
    let opened: boolean;
    try {
      opened = await unlock(passcode);
    } catch (cause) {
      setError(`The passcode could not be checked: ${errorMessage(cause)}`);
      return;
    } finally {
      setChecking(false);
    }
    if (opened) return;
    const failed = failures + 1;
    setFailures(failed % TRIES_BEFORE_PAUSE);
    setPasscode('');
    if (failed % TRIES_BEFORE_PAUSE === 0) {
      setPausedUntil(Date.now() + PAUSE_MS);
      setNow(Date.now());
      setError(`${TRIES_BEFORE_PAUSE} wrong passcodes in a row. Wait 30 seconds, then try again.`);
    } else {
      setError('That passcode is not right. Try again.');
    }
  };

  return (
    <main className="lock-screen">
      <form
        className="lock-card"
        aria-label="Unlock Followthrough"
        onSubmit={(event) => {
          event.preventDefault();
          if (paused || checking || !passcode) return;
          void tryPasscode();
        }}
      >
        <span className="brand-mark lock-mark" aria-hidden="true">
          F
        </span>
        <h1>Followthrough is locked</h1>
        <p className="muted">Enter your passcode to continue.</p>
        <div className="field">
          <label htmlFor="unlock-passcode">Passcode</label>
          <input
            id="unlock-passcode"
            type="password"
            autoComplete="current-password"
            autoFocus
            value={passcode}
            disabled={paused}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'unlock-error' : undefined}
            onChange={(event) => setPasscode(event.target.value)}
          />
        </div>
        {error && (
          <p id="unlock-error" className="field-error" role="alert">
            {paused ? `${error} (${waitSeconds} s)` : error}
          </p>
        )}
        <button type="submit" className="primary" disabled={paused || checking || !passcode}>
          {checking ? 'Checking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
