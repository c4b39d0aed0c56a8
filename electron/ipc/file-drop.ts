// The file drop's channels: the folder the coach chose (or the dialog to choose it) and the write
// of a run's two files. The folder logic lives in electron/file-drop-folder.ts.
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { FileDropFolder, PickFolder } from '../file-drop-folder';
import type { IpcHandlers } from './register';

export function fileDropHandlers(
  folder: FileDropFolder,
): Pick<IpcHandlers, 'fileDropTarget' | 'chooseFileDropFolder' | 'writeFileDrop'> {
  return {
    fileDropTarget: async () => ({ target: 'folder', ...(await folder.state()) }),
    chooseFileDropFolder: async (_, event) => {
      const pick: PickFolder = async (current) => {
        const options: OpenDialogOptions = {
          title: 'Folder for the file drop',
          buttonLabel: 'Use this folder',
          properties: ['openDirectory', 'createDirectory'],
          ...(current ? { defaultPath: current } : {}),
        };
        const owner = BrowserWindow.fromWebContents(event.sender);
        const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return choice.canceled ? null : (choice.filePaths[0] ?? null);
      };
      return { target: 'folder', ...(await folder.choose(pick)) };
    },
    writeFileDrop: ({ week, csv, jsonl }) => folder.write(week, { csv, jsonl }),
  };
}
