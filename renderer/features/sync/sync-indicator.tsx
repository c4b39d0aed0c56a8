// The sidebar's sync state: up to date, N pending, offline, or needs attention.
import { navigate } from '../../navigation';
import { useSyncState } from './use-sync-overview';
import './sync.css';

export function SyncIndicator() {
  const state = useSyncState();
  return (
    <div role="status" aria-live="polite" className="sync-indicator-wrap">
      <a
        href="#/sync"
        className="sync-indicator"
        data-tone={state.tone}
        title={state.detail || undefined}
        onClick={(event) => {
          event.preventDefault();
          navigate('sync');
        }}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-indicator-text">
          <span className="visually-hidden">Sync: </span>
          {state.text}
          {state.note && <span className="sync-indicator-note">{state.note}</span>}
        </span>
      </a>
    </div>
  );
}
