// Hash routes (#/sessions/<id>), so a reload or a restart opens the same screen and the app needs
// no server-side routing on the web or under app:// on desktop.
import { useSyncExternalStore } from 'react';

export const sections = [
  'today',
  'participants',
  'sessions',
  'actions',
  'contracts',
  'sync',
  'metrics',
  'settings',
] as const;
export type Section = (typeof sections)[number];

export type Route = { section: Section; id: string | null };

function parseRoute(hash: string): Route {
  const [section, id] = hash.replace(/^#\/?/, '').split('/');
  const known = sections.find((candidate) => candidate === section);
  return { section: known ?? 'today', id: known && id ? decodeURIComponent(id) : null };
}

function routeHash({ section, id }: Route): string {
  return id ? `#/${section}/${encodeURIComponent(id)}` : `#/${section}`;
}

export function navigate(section: Section, id: string | null = null): void {
  window.location.hash = routeHash({ section, id });
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
