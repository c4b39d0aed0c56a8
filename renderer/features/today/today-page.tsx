import { useLiveQuery } from 'dexie-react-hooks';
import { format } from 'date-fns';
import { database } from '../../db/instance';
import { EmptyState } from '../../components/empty-state';
import { navigate } from '../../navigation';

export function TodayPage() {
  const participantCount = useLiveQuery(() => database.participants.count(), []);
  return (
    <>
      <header className="page-header">
        <div>
          <p className="eyebrow">{format(new Date(), 'EEEE d MMMM')}</p>
          <h1>Today</h1>
        </div>
      </header>
      {participantCount === 0 && (
        <EmptyState
          title="Welcome to Followthrough"
          action={
            <button className="primary" onClick={() => navigate('participants', 'new')}>
              Add your first participant
            </button>
          }
        >
          Add the leaders you coach, then run sessions with them. Today will show upcoming sessions, actions due and
          contracts that need a review.
        </EmptyState>
      )}
    </>
  );
}
