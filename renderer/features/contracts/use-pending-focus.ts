// Moves focus to an element that a write is about to create or move. The element appears only
// once the live query re-renders, and a moved row can lose focus when React re-inserts it, so
// the target is tried after each render until the coach types or clicks again (or a second
// passes), not just once.
import { useCallback, useEffect, useRef, type RefObject } from 'react';

const PENDING_FOCUS_MS = 1_000;

type Pending = { selector: string; until: number; reached: boolean };

/** `focusSoon(selector)` puts focus on the first match of `selector` inside `container` and keeps it there while the screen settles. */
export function usePendingFocus(container: RefObject<HTMLElement | null>) {
  const pending = useRef<Pending | null>(null);

  const attempt = useCallback(() => {
    const wanted = pending.current;
    if (!wanted) return;
    if (Date.now() > wanted.until) {
      pending.current = null;
      return;
    }
    const target = container.current?.querySelector<HTMLElement>(wanted.selector);
    if (!target) return;
    if (target !== document.activeElement) target.focus();
    wanted.reached = true;
  }, [container]);

  useEffect(attempt);

  useEffect(() => {
    const release = () => {
      if (pending.current?.reached) pending.current = null;
    };
    document.addEventListener('keydown', release, true);
    document.addEventListener('pointerdown', release, true);
    return () => {
      document.removeEventListener('keydown', release, true);
      document.removeEventListener('pointerdown', release, true);
    };
  }, []);

  return useCallback(
    (selector: string) => {
      pending.current = { selector, until: Date.now() + PENDING_FOCUS_MS, reached: false };
      attempt();
    },
    [attempt],
  );
}
