import { EmptyState } from '../components/empty-state';
import { AddParticipantButton } from '../components/add-participant-button';
import type { Section } from '../navigation';

const descriptions: Partial<Record<Section, { title: string; text: string }>> = {
  sessions: {
    title: 'No sessions yet',
    text: 'Start a session with a participant to capture Goal, Reality, Options and Will, and log the actions it produces.',
  },
  actions: {
    title: 'No actions logged',
    text: 'Actions agreed in sessions appear here, with their owner, due date and how completion will be verified.',
  },
  contracts: {
    title: 'No accountability contracts',
    text: 'A contract holds a team’s commitments with acceptance criteria and a RACI of its recurring decisions.',
  },
  sync: {
    title: 'Nothing to sync yet',
    text: 'Once actions are logged, they are sent to your organisation’s system of record when you are online.',
  },
  metrics: {
    title: 'No measurements yet',
    text: 'Coaching-to-action conversion, follow-through and coaching hours appear once sessions and actions exist.',
  },
  settings: {
    title: 'Settings',
    text: 'Theme, sync connection, templates and backups are set here.',
  },
};

export function PlaceholderPage({ section }: { section: Section }) {
  const description = descriptions[section] ?? { title: '', text: '' };
  return (
    <>
      <header className="page-header">
        <h1>{section[0].toUpperCase() + section.slice(1)}</h1>
      </header>
      <EmptyState title={description.title} action={<AddParticipantButton />}>
        {description.text}
      </EmptyState>
    </>
  );
}
