import { EmptyState } from '../../components/empty-state';
import { AddParticipantButton } from '../../components/add-participant-button';

/** The Metrics page before there is anyone to measure: what will appear, and the way to start. */
export function MetricsEmptyPage() {
  return (
    <>
      <header className="page-header">
        <h1>Metrics</h1>
      </header>
      <EmptyState title="No measurements yet" action={<AddParticipantButton />}>
        Coaching-to-action conversion, follow-through and coaching hours appear once sessions and actions exist.
      </EmptyState>
    </>
  );
}
