// The PlatformApi in the desktop app: exactly what the preload exposed through contextBridge.
import { bridgeName, type PlatformApi } from '../../shared/ipc';

declare global {
  interface Window {
    [bridgeName]?: PlatformApi;
  }
}

export function electronPlatform(): PlatformApi | undefined {
  return globalThis.window?.[bridgeName];
}
