import { useLiveQuery } from 'dexie-react-hooks';
import { AddParticipantButton } from '../../components/add-participant-button';
import { format, parseISO } from 'date-fns';
import { repositories } from '../../db/instance';
import { EmptyState } from '../../components/empty-state';
import { navigate } from '../../navigation';
import { sessionFacts } from '../labels';
import { DueAndStatusCells } from '../actions/due-and-status-cells';
import { ContractLinks } from '../contracts/review-badge';
import { loadTodayData } from './today-data';
import { ComingUp } from './coming-up';
import { PlannedNotHeld } from './planned-not-held';
import { FirstRunStep } from '../coach/first-run-step';
import { hasBeenIntroduced } from '../coach/coach-profile';

const day = (date: string) => format(parseISO(date), 'EEE d MMM');

/** `openSessionId`: a planned session whose prep card opens at once. */
export function TodayPage({ openSessionId = null }: { openSessionId?: string | null }) {
  const data = useLiveQuery(() => loadTodayData(repositories, new Date()), []);
  const names = useLiveQuery(() => repositories.participants.names(), []);
  const introduced = useLiveQuery(hasBeenIntroduced, []);
  const today = format(new Date(), 'yyyy-MM-dd');
  const name = (participantId: string) => names?.get(participantId) ?? '…';

  return (
    <div data-ready={data && names && introduced !== undefined ? 'true' : undefined}>
      <header className="page-header">
        <div>
          <p className="eyebrow">{format(new Date(), 'EEEE d MMMM')}</p>
          <h1>Today</h1>
        </div>
        {data && data.participantCount > 0 && (
          <button type="button" className="primary" onClick={() => navigate('sessions', 'new')}>
            New session <kbd>Alt N</kbd>
          </button>
        )}
      </header>
      {data?.participantCount === 0 && introduced === false && <FirstRunStep />}
      {data?.participantCount === 0 && introduced && (
        <EmptyState
          title="Welcome to Followthrough"
          action={<AddParticipantButton label="Add your first participant" />}
        >
          Add the leaders you coach, then run sessions with them. Today will show recent sessions, actions due and
          contracts that need a review.
        </EmptyState>
      )}
      {data && data.participantCount > 0 && (
        <div className="today-grid">
          {data.sessionsOwingAction.some(({ state }) => state === 'open') && (
            <section className="notice warn today-wide" aria-label="Sessions waiting for an action">
              <strong>Log an action while it is fresh.</strong>{' '}
              {data.sessionsOwingAction
                .filter(({ state }) => state === 'open')
                .map(({ session }) => (
                  <a key={session.id} href={`#/sessions/${session.id}`} className="inline-link">
                    {name(session.participantId)} · {day(session.date)}
                  </a>
                ))}{' '}
              has no action yet; the program asks for one within 24 hours.
            </section>
          )}

          <PlannedNotHeld sessions={data.plannedNotHeld} name={name} />

          <ComingUp
            sessions={data.comingUp}
            due={data.dueForSession}
            name={name}
            today={today}
            openSessionId={openSessionId}
          />

          <section className="card" aria-label="Recent sessions">
            <div className="section-title">
              <h2>Recent sessions</h2>
              <a href="#/sessions">All sessions</a>
            </div>
            {data.recentSessions.length === 0 ? (
              <p className="muted">No sessions in the last week.</p>
            ) : (
              <ul className="plain-list">
                {data.recentSessions.map((session) => (
                  <li key={session.id}>
                    <a href={`#/sessions/${session.id}`} dir="auto">
                      {name(session.participantId)}
                    </a>
                    <span className="muted">
                      {session.date === today ? 'Today' : day(session.date)} · {sessionFacts(session)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-label="Contracts due for review">
            <div className="section-title">
              <h2>Contracts to review</h2>
              <a href="#/contracts">All contracts</a>
            </div>
            {data.contractsForReview.length === 0 ? (
              <p className="muted">No contract is due for review this week.</p>
            ) : (
              <ContractLinks contracts={data.contractsForReview} today={today} />
            )}
          </section>

          <section className="card today-wide" aria-label="Actions due">
            <div className="section-title">
              <h2>Actions due or overdue</h2>
              <span className="muted">
                {data.dueActionCount > data.dueActions.length
                  ? `${data.dueActions.length} of ${data.dueActionCount} shown · `
                  : ''}
                <a href="#/actions">All actions</a>
              </span>
            </div>
            {data.dueActions.length === 0 ? (
              <p className="muted">Nothing due today. Well followed through.</p>
            ) : (
              <table className="data-table">
                <tbody>
                  {data.dueActions.map((action) => (
                    <tr key={action.id}>
                      <td dir="auto">
                        {action.sessionId ? <a href={`#/sessions/${action.sessionId}`}>{action.text}</a> : action.text}
                      </td>
                      <td dir="auto">{action.owner || name(action.participantId)}</td>
                      <DueAndStatusCells action={action} today={today} />
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          {data.sessionsOwingAction.some(({ state }) => state === 'missed') && (
            <section className="card today-wide" aria-label="Sessions without an action within 24 hours">
              <div className="section-title">
                <h2>Sessions that produced no action within 24 hours</h2>
                <span className="muted">last 30 days</span>
              </div>
              <ul className="plain-list">
                {data.sessionsOwingAction
                  .filter(({ state }) => state === 'missed')
                  .map(({ session }) => (
                    <li key={session.id}>
                      <a href={`#/sessions/${session.id}`} dir="auto">
                        {name(session.participantId)}
                      </a>
                      <span className="muted">{day(session.date)}</span>
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
