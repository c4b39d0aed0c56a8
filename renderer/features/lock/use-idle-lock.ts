// Locks the app after the chosen minutes without a key press, click, scroll or touch.
import { useEffect } from 'react';
import { lockNow } from './lock-store';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

export function useIdleLock(idleMinutes: number, active: boolean): void {
  useEffect(() => {
    if (!active || idleMinutes <= 0) return;
    let lastActivity = Date.now();
    const noteActivity = () => {
      lastActivity = Date.now();
    };
    for (const event of activity) window.addEventListener(event, noteActivity, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity >= idleMinutes * 60_000) lockNow();
    }, CHECK_EVERY_MS);
    return () => {
      for (const event of activity) window.removeEventListener(event, noteActivity);
      clearInterval(timer);
    };
  }, [idleMinutes, active]);
}
