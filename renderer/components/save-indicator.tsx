import { useShallow } from 'zustand/react/shallow';
import { useSaveStatus } from './autosave';

/** The quiet "Saved" beside a screen that saves itself; says so plainly when a save failed. */
export function SaveIndicator() {
  // Not `waiting`: the first key after each save would re-render this for nothing.
  const { pending, lastSavedAt, error } = useSaveStatus(
    useShallow(({ pending, lastSavedAt, error }) => ({ pending, lastSavedAt, error })),
  );
  if (error)
    return (
      <span className="save-indicator error" role="alert">
        Not saved: {error}
      </span>
    );
  if (pending > 0) return <span className="save-indicator">Saving…</span>;
  return (
    <span className="save-indicator" aria-live="polite">
      {lastSavedAt ? 'Saved' : 'All changes saved'}
    </span>
  );
}
