import { useEffect, useMemo, useState } from 'react';
import { Sidebar } from './components/sidebar';
import { CommandPalette, type Command } from './components/command-palette';
import { navigate, sections, useRoute, type Section } from './navigation';
import { TodayPage } from './features/today/today-page';
import { ParticipantsPage } from './features/participants/participants-page';
import { PlaceholderPage } from './features/placeholder-page';

const titles: Record<Section, string> = {
  today: 'Today',
  participants: 'Participants',
  sessions: 'Sessions',
  actions: 'Actions',
  contracts: 'Contracts',
  sync: 'Sync',
  metrics: 'Metrics',
  settings: 'Settings',
};

function Page({ section, id }: { section: Section; id: string | null }) {
  switch (section) {
    case 'today':
      return <TodayPage />;
    case 'participants':
      return <ParticipantsPage selectedId={id} />;
    default:
      return <PlaceholderPage section={section} />;
  }
}

export function App() {
  const route = useRoute();
  const [paletteOpen, setPaletteOpen] = useState(false);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'new-participant', label: 'New participant', run: () => navigate('participants', 'new') },
      ...sections.map((section) => ({
        id: `go-${section}`,
        label: `Go to ${titles[section]}`,
        run: () => navigate(section),
      })),
    ],
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.title = `${titles[route.section]} · Followthrough`;
  }, [route.section]);

  return (
    <div className="app">
      <Sidebar current={route.section} onOpenPalette={() => setPaletteOpen(true)} />
      <main className="content" aria-label={titles[route.section]}>
        <Page section={route.section} id={route.id} />
      </main>
      {paletteOpen && <CommandPalette commands={commands} onClose={() => setPaletteOpen(false)} />}
    </div>
  );
}
