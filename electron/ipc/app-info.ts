import { app } from 'electron';
import type { IpcHandlers } from './register';

export function appInfoHandlers(): Pick<IpcHandlers, 'appInfo'> {
  return {
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, desktop: true }),
  };
}
