import { memo, useEffect, useState } from 'react';
import { errorMessage } from '../../../shared/result';
import { repositories } from '../../db/instance';

function elapsed(since: number): string {
  const seconds = Math.max(0, Math.floor((Date.now() - since) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Start/stop for the coaching clock; the running time ticks here without re-rendering the editor. */
export const SessionTimer = memo(function SessionTimer({
  sessionId,
  timerStartedAt,
}: {
  sessionId: string;
  timerStartedAt: number | null;
}) {
  const running = timerStartedAt !== null;
  const [, tick] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(interval);
  }, [running]);

  return (
    <div className="timer">
      {timerStartedAt !== null && (
        <span className="timer-clock" aria-label="Time in this session">
          {elapsed(timerStartedAt)}
        </span>
      )}
      <button
        type="button"
        onClick={() => {
          setProblem(null);
          void (
            running ? repositories.sessions.stopTimer(sessionId) : repositories.sessions.startTimer(sessionId)
          ).catch((error: unknown) => setProblem(errorMessage(error)));
        }}
      >
        {running ? 'Stop timer' : 'Start timer'}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
});
