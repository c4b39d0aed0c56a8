// Wraps the whole app. While locked it renders only the lock screen, so the coach's data is not
// in the page at all; while the lock is on and the window is away (task switcher, another app)
// a curtain covers the content, and on desktop the window is kept out of screenshots and
// previews. Ctrl+Shift+L (Cmd+Shift+L) locks at once.
import { useEffect, type ReactNode } from 'react';
import { createLogger } from '../../../shared/logger';
import { platform } from '../../platform';
import { KeyLostScreen } from './key-lost-screen';
import { LockScreen } from './lock-screen';
import { useNotesProtection } from './notes-key';
import { lockNow, useLock } from './lock-store';
import { useIdleLock } from './use-idle-lock';
import { useWindowAway } from './use-window-away';
import './lock.css';

const log = createLogger('lock');

export const LOCK_SHORTCUT_LABEL = 'Ctrl Shift L';

export function LockGate({ children }: { children: ReactNode }) {
  const { status, config } = useLock();
  const protection = useNotesProtection((state) => state.protection);
  const away = useWindowAway();
  useIdleLock(config?.idleMinutes ?? 0, status === 'unlocked');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hideContent = config?.hideContent ?? false;
  useEffect(() => {
    if (status === 'loading') return;
    void platform.setContentProtection({ enabled: hideContent }).then((result) => {
      if (!result.ok) log.warn('content protection could not be set:', result.error);
    });
  }, [hideContent, status]);

  if (status === 'loading') return <div className="lock-blank" />;
  if (status === 'locked') return <LockScreen />;
  if (protection?.state === 'key-lost') return <KeyLostScreen reason={protection.reason} />;
  return (
    <>
      {children}
      {config && hideContent && away && (
        <div className="privacy-curtain" aria-hidden="true">
          <span className="brand-mark">F</span>
        </div>
      )}
    </>
  );
}
