// Today's "Coming up": the planned sessions of the next seven days, each with a prep card read
// when the coach opens it, and the participants overdue for a session at their cadence.
import { useEffect, useRef, useState } from 'react';
import { format, parseISO } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Session } from '../../../shared/model';
import { cadenceLabels, timeSince } from '../../../shared/cadence';
import { repositories } from '../../db/instance';
import { navigate } from '../../navigation';
import { sessionTypeLabels } from '../labels';
import { loadPrepCard, type DueForSession } from './today-data';

const when = (session: Session, today: string) =>
  `${session.date === today ? 'Today' : format(parseISO(session.date), 'EEE d MMM')} · ${session.startTime}`;

export function ComingUp({
  sessions,
  due,
  name,
  today,
  openSessionId = null,
}: {
  sessions: Session[];
  due: DueForSession[];
  name: (participantId: string) => string;
  today: string;
  /** The session whose prep card opens at once (a reminder's click leads here). */
  openSessionId?: string | null;
}) {
  return (
    <section className="card today-wide" aria-label="Coming up">
      <div className="section-title">
        <h2>Coming up</h2>
        <span className="muted">next 7 days</span>
      </div>
      {sessions.length === 0 ? (
        <p className="muted">No session planned. Plan one from a participant’s page.</p>
      ) : (
        <ul className="plain-list coming-up">
          {sessions.map((session) => (
            <li key={session.id}>
              <PlannedSession
                session={session}
                name={name(session.participantId)}
                today={today}
                opened={session.id === openSessionId}
              />
            </li>
          ))}
        </ul>
      )}
      {due.length > 0 && (
        <ul className="plain-list" aria-label="Overdue for a session">
          {due.map(({ participant, lastHeld }) => (
            <li key={participant.id}>
              <span>
                No session with{' '}
                <a href={`#/participants/${participant.id}`} dir="auto">
                  {participant.name}
                </a>{' '}
                for {timeSince(lastHeld, today)}; the cadence is {cadenceLabels[participant.cadence]}.
              </span>
              <span className="badge danger">Overdue</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlannedSession(props: { session: Session; name: string; today: string; opened: boolean }) {
  const { session, name, today, opened } = props;
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!opened || !details.current) return;
    // Opening the element fires its toggle, which reads the prep card.
    details.current.open = true;
    details.current.scrollIntoView({ block: 'nearest' });
  }, [opened]);
  return (
    <details ref={details} className="prep" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <strong dir="auto">{name}</strong>
        <span className="muted">
          {when(session, today)} · {sessionTypeLabels[session.type]}
        </span>
      </summary>
      {open && <PrepCard session={session} today={today} />}
    </details>
  );
}

function PrepCard({ session, today }: { session: Session; today: string }) {
  const card = useLiveQuery(() => loadPrepCard(repositories, session, today), [session, today]);
  if (!card) return <p className="muted">Reading…</p>;
  const { lastHeld, participant, openActions, overdueActions, contractsDue, lastPulses } = card;
  const targets = [participant?.primaryTarget, participant?.secondaryTarget].filter((target) => target?.trim());
  return (
    <div className="prep-card" aria-label={`Prep for ${participant?.name ?? 'the session'}`} role="group">
      <dl>
        <dt>Last time</dt>
        <dd dir="auto">
          {lastHeld ? (
            <>
              {format(parseISO(lastHeld.date), 'EEE d MMM')}: {lastHeld.will.trim() || 'no Will written'}
            </>
          ) : (
            'First session'
          )}
        </dd>
        <dt>Actions</dt>
        <dd>
          {openActions} open{overdueActions > 0 && <span className="badge danger">{overdueActions} overdue</span>}
        </dd>
        {contractsDue.length > 0 && (
          <>
            <dt>Contract review</dt>
            <dd dir="auto">
              {contractsDue
                .map(
                  (contract) =>
                    `${contract.title || 'Contract'} (${format(parseISO(contract.nextReviewDate), 'd MMM')})`,
                )
                .join(', ')}
            </dd>
          </>
        )}
        {targets.length > 0 && (
          <>
            <dt>Behaviour {targets.length === 1 ? 'target' : 'targets'}</dt>
            <dd dir="auto">{targets.join('; ')}</dd>
          </>
        )}
        {lastPulses.length > 0 && (
          <>
            <dt>Last pulses</dt>
            <dd>
              {lastPulses
                .map(
                  ({ date, score }) =>
                    `${format(parseISO(date), 'd MMM')}: ${score === null ? 'none' : `${score.toFixed(1)} / 5`}`,
                )
                .join(' · ')}
            </dd>
          </>
        )}
      </dl>
      <button type="button" className="primary" onClick={() => navigate('sessions', session.id)}>
        Open the session
      </button>
    </div>
  );
}
