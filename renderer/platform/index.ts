// Chooses the platform once at start-up: the Electron bridge when the preload exposed it, the web
// adapter otherwise. Nothing else in the renderer knows which one runs.
import type { PlatformApi } from '../../shared/ipc';
import { electronPlatform } from './electron';
import { createWebPlatform } from './web';

export const platform: PlatformApi = electronPlatform() ?? createWebPlatform();

export function onNetworkChange(listener: (online: boolean) => void): () => void {
  const up = () => listener(true);
  const down = () => listener(false);
  window.addEventListener('online', up);
  window.addEventListener('offline', down);
  return () => {
    window.removeEventListener('online', up);
    window.removeEventListener('offline', down);
  };
}
