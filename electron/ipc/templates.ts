// The templates bundled with the app (templates/ in the repo, inside the package when installed).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcHandlers } from './register';

export function templateHandlers(templatesFolder: string): Pick<IpcHandlers, 'readTemplate'> {
  return {
    // The name comes from the fixed list in shared/ipc.ts, already checked by the input schema.
    readTemplate: async ({ name }) => {
      try {
        return await readFile(join(templatesFolder, name));
      } catch (error) {
        throw new Error(
          `The bundled template ${name} is missing from this installation; reinstall Followthrough to restore it`,
          { cause: error },
        );
      }
    },
  };
}
