// The screen while Followthrough is locked: the app itself is unmounted, so nothing of the
// coach's data is in the page, only this passcode form. Five wrong tries in a row wait 30 s, and
// the wait survives a reload (unlock-attempts.ts).
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../shared/result';
import { unlock, useLock } from './lock-store';
import { PAUSE_MS, TRIES_BEFORE_PAUSE } from './unlock-attempts';

const pauseMessage = `${TRIES_BEFORE_PAUSE} wrong passcodes in a row. Wait ${PAUSE_MS / 1000} seconds, then try again.`;

export function LockScreen() {
  const pausedUntil = useLock((state) => state.pausedUntil);
  const [passcode, setPasscode] = useState('');
  const [wrong, setWrong] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
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
  const error = paused
    ? `${pauseMessage} (${waitSeconds} s)`
    : (failure ?? (wrong ? 'That passcode is not right. Try again.' : null));

  const tryPasscode = async () => {
    setChecking(true);
    setFailure(null);
    try {
      const result = await unlock(passcode);
      if (result.outcome === 'opened') return;
      setPasscode('');
      setWrong(result.outcome === 'wrong');
      setNow(Date.now());
    } catch (cause) {
      setFailure(`The passcode could not be checked: ${errorMessage(cause)}`);
    } finally {
      setChecking(false);
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
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={paused || checking || !passcode}>
          {checking ? 'Checking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
