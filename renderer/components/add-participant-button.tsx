import { navigate } from '../navigation';

/** The next step of most empty states: everything in the app starts from a participant. */
export function AddParticipantButton({ label = 'Add a participant' }: { label?: string }) {
  return (
    <button type="button" className="primary" onClick={() => navigate('participants', 'new')}>
      {label}
    </button>
  );
}
