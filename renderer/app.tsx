import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Sidebar } from './components/sidebar';
import { CommandPalette, type Command } from './components/command-palette';
import { Toasts } from './components/toasts';
import { navigate, sections, useRoute, type Route, type Section } from './navigation';
import { TodayPage } from './features/today/today-page';
import { startSession } from './features/sessions/start-session';
import { screenModules } from './screens';
import { lockNow } from './features/lock/lock-store';
import { LOCK_SHORTCUT_LABEL } from './features/lock/lock-gate';
import { ErasureReportHost } from './features/privacy/erasure-report-host';

// Only Today is in the start-up bundle; see screens.ts.
const ParticipantsPage = lazy(() => screenModules.participants().then((m) => ({ default: m.ParticipantsPage })));
const SessionsPage = lazy(() => screenModules.sessions().then((m) => ({ default: m.SessionsPage })));
const ActionsPage = lazy(() => screenModules.actions().then((m) => ({ default: m.ActionsPage })));
const ContractsPage = lazy(() => screenModules.contracts().then((m) => ({ default: m.ContractsPage })));
const SyncPage = lazy(() => screenModules.sync().then((m) => ({ default: m.SyncPage })));
const MetricsPage = lazy(() => screenModules.metrics().then((m) => ({ default: m.MetricsPage })));
const SettingsPage = lazy(() => screenModules.settings().then((m) => ({ default: m.SettingsPage })));

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

function Page({ section, id }: Route) {
  switch (section) {
    case 'today':
      return <TodayPage openSessionId={id} />;
    case 'participants':
      return <ParticipantsPage selectedId={id} />;
    case 'sessions':
      return <SessionsPage selectedId={id} />;
    case 'actions':
      return <ActionsPage />;
    case 'contracts':
      return <ContractsPage selectedId={id} />;
    case 'sync':
      return <SyncPage />;
    case 'metrics':
      return <MetricsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** A new session with the participant on screen, or a chooser when there is none. */
function newSessionFrom(route: Route): void {
  if (route.section === 'participants' && route.id && route.id !== 'new') void startSession(route.id);
  else navigate('sessions', 'new');
}

export function App() {
  const route = useRoute();
  const [paletteOpen, setPaletteOpen] = useState(false);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'new-session', label: 'New session', hint: 'Alt N', run: () => newSessionFrom(route) },
      { id: 'new-participant', label: 'New participant', run: () => navigate('participants', 'new') },
      { id: 'lock', label: 'Lock Followthrough', hint: LOCK_SHORTCUT_LABEL, run: lockNow },
      ...sections.map((section) => ({
        id: `go-${section}`,
        label: `Go to ${titles[section]}`,
        run: () => navigate(section),
      })),
    ],
    [route],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && key === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      } else if (event.altKey && !event.ctrlKey && key === 'n') {
        event.preventDefault();
        newSessionFrom(route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route]);

  useEffect(() => {
    document.title = `${titles[route.section]} · Followthrough`;
  }, [route.section]);

  return (
    <div className="app">
      <Sidebar current={route.section} onOpenPalette={() => setPaletteOpen(true)} />
      <main className="content" aria-label={titles[route.section]}>
        <Suspense fallback={<p className="muted pad">Loading…</p>}>
          <Page section={route.section} id={route.id} />
        </Suspense>
      </main>
      {paletteOpen && <CommandPalette commands={commands} onClose={() => setPaletteOpen(false)} />}
      <Toasts />
      <ErasureReportHost />
    </div>
  );
}
