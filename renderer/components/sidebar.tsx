import { navigate, type Section } from '../navigation';
import { Icon } from './icon';
import { SyncIndicator } from '../features/sync/sync-indicator';

const entries: { section: Section; label: string }[] = [
  { section: 'today', label: 'Today' },
  { section: 'participants', label: 'Participants' },
  { section: 'sessions', label: 'Sessions' },
  { section: 'actions', label: 'Actions' },
  { section: 'contracts', label: 'Contracts' },
  { section: 'sync', label: 'Sync' },
  { section: 'metrics', label: 'Metrics' },
  { section: 'settings', label: 'Settings' },
];

export function Sidebar({ current, onOpenPalette }: { current: Section; onOpenPalette: () => void }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          F
        </span>
        <span className="sidebar-label">Followthrough</span>
      </div>
      <button type="button" className="palette-trigger" onClick={onOpenPalette} title="Search (Ctrl K)">
        <Icon name="search" size={16} />
        <span>Search…</span>
        <kbd>Ctrl K</kbd>
      </button>
      <ul>
        {entries.map(({ section, label }) => (
          <li key={section}>
            <a
              href={`#/${section}`}
              aria-current={current === section ? 'page' : undefined}
              title={label}
              onClick={(event) => {
                event.preventDefault();
                navigate(section);
              }}
            >
              <Icon name={section} />
              <span className="sidebar-label">{label}</span>
            </a>
          </li>
        ))}
      </ul>
      <SyncIndicator />
    </nav>
  );
}
