import type { Session } from '../../../shared/model';
import { useState } from 'react';
import { AddParticipantButton } from '../../components/add-participant-button';
import { useLiveQuery } from 'dexie-react-hooks';
import { format, parseISO } from 'date-fns';
import { repositories } from '../../db/instance';
import { EmptyState } from '../../components/empty-state';
import { navigate } from '../../navigation';
import { formatMinutes, sessionTypeLabels } from '../labels';
import { SessionEditor } from './session-editor';
import { BatchExport } from '../documents/batch-export';
import { startSession } from './start-session';
import { ExportCalendarButton } from './export-calendar';
import { ImportCalendarButton } from './import-calendar';
import { StartSessionButton } from './start-session-button';
import { TableHead } from '../../components/table-head';

const PAGE_SIZE = 100;

/** Picks the participant for a new session; the list filters as the coach types. */
function NewSessionChooser() {
  const participants = useLiveQuery(() => repositories.participants.listActive(), []);
  const [filter, setFilter] = useState('');
  const shown = participants?.filter((p) => p.name.toLowerCase().includes(filter.toLowerCase()));
  if (participants?.length === 0) {
    return (
      <EmptyState title="Add a participant first" action={<AddParticipantButton />}>
        A session belongs to one of the leaders you coach.
      </EmptyState>
    );
  }
  return (
    <section className="card form-card" aria-label="New session">
      <h2>Who is this session with?</h2>
      <input
        dir="auto"
        autoComplete="off"
        autoFocus
        aria-label="Participant"
        placeholder="Type a name, Enter to start"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && shown?.[0]) void startSession(shown[0].id);
        }}
      />
      <ul className="item-list">
        {shown?.map((participant) => (
          <li key={participant.id}>
            <StartSessionButton className="list-button" participantId={participant.id}>
              <strong dir="auto">{participant.name}</strong>
              <span className="muted">{participant.role}</span>
            </StartSessionButton>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SessionList() {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const sessions = useLiveQuery(() => repositories.sessions.latest(limit), [limit]);
  const names = useLiveQuery(() => repositories.participants.names(), []);

  if (sessions?.length === 0) {
    return (
      <EmptyState
        title="No sessions yet"
        action={
          <button type="button" className="primary" onClick={() => navigate('sessions', 'new')}>
            Start a session
          </button>
        }
      >
        Capture Goal, Reality, Options and Will while the leader talks, and log the actions the session produces. Press{' '}
        <kbd>Alt N</kbd> from anywhere.
      </EmptyState>
    );
  }
  return (
    <section className="card flush" aria-label="Session list">
      <table className="data-table">
        <TableHead columns={['Date', 'Participant', 'Type', 'Duration', 'Status']} />
        <tbody>
          {sessions?.map((session) => (
            <tr key={session.id} className="clickable" onClick={() => navigate('sessions', session.id)}>
              <td>
                <a href={`#/sessions/${session.id}`}>{format(parseISO(session.date), 'EEE d MMM yyyy')}</a>
              </td>
              <td>{names?.get(session.participantId) ?? '—'}</td>
              <td>{sessionTypeLabels[session.type]}</td>
              <td>{session.durationMinutes ? formatMinutes(session.durationMinutes) : '—'}</td>
              <td>
                <span className={statusBadges[session.status].tone}>{statusBadges[session.status].label}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions && sessions.length >= limit && (
        <div className="pad-sm">
          <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
            Show more
          </button>
        </div>
      )}
    </section>
  );
}

const statusBadges: Record<Session['status'], { label: string; tone: string }> = {
  planned: { label: 'Planned', tone: 'badge accent' },
  draft: { label: 'Draft', tone: 'badge' },
  complete: { label: 'Complete', tone: 'badge ok' },
};

export function SessionsPage({ selectedId }: { selectedId: string | null }) {
  if (selectedId && selectedId !== 'new') return <SessionEditor key={selectedId} sessionId={selectedId} />;
  return (
    <>
      <header className="page-header">
        <h1>Sessions</h1>
        {selectedId !== 'new' && (
          <div className="row">
            <ImportCalendarButton />
            <ExportCalendarButton />
            <button type="button" className="primary" onClick={() => navigate('sessions', 'new')}>
              New session <kbd>Alt N</kbd>
            </button>
          </div>
        )}
      </header>
      {selectedId === 'new' ? (
        <NewSessionChooser />
      ) : (
        <div className="stack-lg">
          <BatchExport title="Sessions" />
          <SessionList />
        </div>
      )}
    </>
  );
}
