// Planned sessions whose day has passed without being held. Left alone they would stay "Planned"
// for ever; the coach opens one to write it up, or says it did not happen, which moves it to the
// trash with an Undo.
import type { Session } from '../../../shared/model';
import { repositories } from '../../db/instance';
import { moveToTrash } from '../../components/move-to-trash';
import { isRepeatClick } from '../../components/use-command';
import { formatDay } from '../labels';

export function PlannedNotHeld({ sessions, name }: { sessions: Session[]; name: (participantId: string) => string }) {
  if (sessions.length === 0) return null;
  return (
    <section className="card today-wide" aria-label="Planned, not held">
      <h2>Planned, not held</h2>
      <p className="muted">Their day has passed. Open one to write it up, or say it did not happen.</p>
      <ul className="plain-list">
        {sessions.map((session) => (
          <li key={session.id}>
            <a href={`#/sessions/${session.id}`} dir="auto">
              {name(session.participantId)}
            </a>
            <span className="muted">
              {formatDay(session.date)} · {session.startTime}
            </span>
            <button
              type="button"
              onClick={(event) => {
                // The row goes at the first click: a second one would land on the next row's button.
                if (isRepeatClick(event)) return;
                void moveToTrash({
                  what: 'session',
                  remove: () => repositories.trash.deleteSession(session.id),
                  restore: () => repositories.trash.restoreSession(session.id),
                });
              }}
            >
              Did not happen
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
