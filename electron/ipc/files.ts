// Files the coach saves through the native dialog (which opens in the folder used last time) and
// reveals in the system file manager.
import { BrowserWindow, dialog, shell, type SaveDialogOptions } from 'electron';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../shared/result';
import { readJsonFile, writeJsonFile } from '../json-file';
import { plainFileName } from '../plain-file-name';
import type { IpcHandlers } from './register';

const lastFolderSchema = z.object({ folder: z.string().min(1) });

/** UNC paths (\\server\share) would make Windows contact another machine just to reveal a file. */
function isLocalAbsolutePath(path: string): boolean {
  return isAbsolute(path) && !path.replace(/\\/g, '/').startsWith('//');
}

type FileHandlerOptions = {
  /** JSON file in userData that remembers the folder of the last save. */
  lastFolderFile: string;
  /** Where the first save dialog opens, e.g. the coach's Documents folder. */
  defaultFolder: () => string;
};

export function fileHandlers({
  lastFolderFile,
  defaultFolder,
}: FileHandlerOptions): Pick<IpcHandlers, 'saveFile' | 'showInFolder'> {
  async function startFolder(): Promise<string> {
    const remembered = await readJsonFile(lastFolderFile, lastFolderSchema).catch(() => null);
    return remembered && existsSync(remembered.folder) ? remembered.folder : defaultFolder();
  }

  return {
    saveFile: async ({ suggestedName, data, filters }, event) => {
      const options: SaveDialogOptions = {
        defaultPath: join(await startFolder(), plainFileName(suggestedName)),
        filters,
      };
      const owner = BrowserWindow.fromWebContents(event.sender);
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      try {
        await writeFile(choice.filePath, data);
      } catch (error) {
        throw new Error(`Could not save ${basename(choice.filePath)}: ${errorMessage(error)}`, { cause: error });
      }
      writeJsonFile(lastFolderFile, { folder: dirname(choice.filePath) });
      return { saved: true, path: choice.filePath };
    },
    showInFolder: ({ path }) => {
      if (!isLocalAbsolutePath(path) || !existsSync(path)) return false;
      shell.showItemInFolder(path);
      return true;
    },
  };
}
