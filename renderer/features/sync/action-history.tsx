// An action's history where sync touched it: status changes made upstream (a program manager on
// the Followthrough hub), comments from the hub, and values a sync conflict replaced. A one-line
// button under the status opens it as a popover (the top layer, so no table or card clips it,
// anchored to the button). Shows nothing for an action sync never changed.
import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import type { Action, ActionNote } from '../../../shared/model';
import { repositories } from '../../db/instance';
import { actionStatusLabels, actionStatusTone } from '../labels';
import './action-history.css';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const when = (at: number) => format(at, 'd MMM yyyy, HH:mm');

function summaryOf(action: Action, notes: ActionNote[]): string {
  const last = action.history[action.history.length - 1];
  const conflicts = notes.filter((note) => note.kind === 'conflict').length;
  const comments = notes.length - conflicts;
  const parts = [
    last.source === 'upstream' ? `${actionStatusLabels[last.status]} upstream` : null,
    conflicts ? plural(conflicts, 'conflict') : null,
    comments ? plural(comments, 'comment') : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'Changed upstream';
}

export function ActionHistory({ action }: { action: Action }) {
  const notes = useLiveQuery(() => repositories.actions.notes(action.id), [action.id]);
  const touchedUpstream = action.history.some((change) => change.source === 'upstream');
  if (!notes || (!touchedUpstream && notes.length === 0)) return null;
  const hasConflict = notes.some((note) => note.kind === 'conflict');
  const panelId = `action-history-${action.id}`;
  const anchor = `--action-history-${action.id}`;

  return (
    <>
      <button
        type="button"
        className={hasConflict ? 'action-history-toggle has-conflict' : 'action-history-toggle'}
        popoverTarget={panelId}
        style={{ anchorName: anchor }}
      >
        {summaryOf(action, notes)}
      </button>
      <div
        id={panelId}
        popover="auto"
        className="action-history-panel"
        role="dialog"
        aria-label={`History of “${action.text}”`}
        style={{ positionAnchor: anchor }}
      >
        <h3>Status history</h3>
        <ol className="action-history-list">
          {action.history.map((change, index) => (
            <li key={`${change.at}-${index}`}>
              <span className={`badge ${actionStatusTone[change.status]}`}>{actionStatusLabels[change.status]}</span>{' '}
              <span className="muted">
                {when(change.at)} · {change.source === 'upstream' ? 'upstream' : 'you'}
              </span>
              {change.reason && <div className="action-history-reason">{change.reason}</div>}
            </li>
          ))}
        </ol>
        {notes.length > 0 && (
          <>
            <h3>From the hub</h3>
            <ul className="action-history-list">
              {notes.map((note) => (
                <li key={note.id} className={note.kind === 'conflict' ? 'conflict' : undefined}>
                  <span className="muted">{when(note.at)}</span>{' '}
                  {note.kind === 'comment' ? (
                    <>
                      <strong>{note.author}:</strong> {note.text}
                    </>
                  ) : (
                    <>Conflict. {note.text}</>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
