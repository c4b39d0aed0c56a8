// True while the window is not the one the coach is looking at: it lost focus (another app, the
// task switcher) or is hidden, which is when a switcher preview or a screenshot may capture it.
import { useSyncExternalStore } from 'react';

let away = false;
const listeners = new Set<() => void>();

function set(next: boolean) {
  if (next === away) return;
  away = next;
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  away = document.visibilityState === 'hidden' || !document.hasFocus();
  window.addEventListener('blur', () => set(true));
  window.addEventListener('focus', () => set(false));
  document.addEventListener('visibilitychange', () =>
    set(document.visibilityState === 'hidden' || !document.hasFocus()),
  );
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

export function useWindowAway(): boolean {
  return useSyncExternalStore(subscribe, () => away);
}
