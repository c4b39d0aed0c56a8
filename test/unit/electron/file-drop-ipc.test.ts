// The file drop's channels as the renderer reaches them: the folder comes from the main process's
// own dialog, the write takes a week and two files, and every refusal comes back as a Result.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileDropFolder } from '../../../electron/file-drop-folder';
import { fileDropHandlers } from '../../../electron/ipc/file-drop';
import { invokeHandler } from '../../../electron/ipc/register';
import { dialog, invokeEventFrom, resetFakeElectron } from './fake-electron';
import { useTempFolder } from './temp-folder';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(resetFakeElectron);

const temp = useTempFolder('file-drop-ipc');
const fromApp = invokeEventFrom('app://followthrough/index.html#/sync') as never;
const bytes = new TextEncoder().encode('x');

function handlers() {
  return fileDropHandlers(createFileDropFolder({ settingsFile: join(temp.path, 'file-drop.json') }));
}

describe('the file drop channels', () => {
  it('chooses the folder in the main process dialog and then writes both files there', async () => {
    const folder = join(temp.path, 'OneDrive');
    await mkdir(folder);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const drop = handlers();

    const chosen = await invokeHandler('chooseFileDropFolder', drop.chooseFileDropFolder, fromApp, undefined);
    expect(chosen).toEqual({ ok: true, value: { target: 'folder', folder, problem: null, lastWritten: null } });
    expect(dialog.showOpenDialog.mock.calls[0].at(-1)).toMatchObject({
      properties: ['openDirectory', 'createDirectory'],
    });

    const written = await invokeHandler('writeFileDrop', drop.writeFileDrop, fromApp, {
      week: '2026-W48',
      csv: bytes,
      jsonl: bytes,
    });
    expect(written).toEqual({
      ok: true,
      value: { folder, names: ['followthrough-actions-2026-W48.csv', 'followthrough-actions-2026-W48.jsonl'] },
    });
    expect((await readdir(folder)).sort()).toEqual([
      'followthrough-actions-2026-W48.csv',
      'followthrough-actions-2026-W48.jsonl',
    ]);
  });

  it('refuses a week that is not one, or a path, before anything is touched', async () => {
    const drop = handlers();
    for (const week of ['../../x', '2026-W48/..', 'C:\\Windows']) {
      const result = await invokeHandler('writeFileDrop', drop.writeFileDrop, fromApp, {
        week,
        csv: bytes,
        jsonl: bytes,
      });
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Invalid request to file-drop:write: week: A week is written like 2026-W48/),
      });
    }
    expect(await readdir(temp.path)).toEqual([]);
  });

  it('answers with the reason, as a Result, when no folder is chosen', async () => {
    const result = await invokeHandler('writeFileDrop', handlers().writeFileDrop, fromApp, {
      week: '2026-W48',
      csv: bytes,
      jsonl: bytes,
    });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Choose a folder for the file drop in Sync settings/),
    });
  });
});
