// The file drop's folder on the desktop, for real on disk: chosen once and remembered, written
// into under names made from the week, never over an earlier run's files, never outside the folder.
import { execFile } from 'node:child_process';
import { chmod, chown, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileDropFolder } from '../../../electron/file-drop-folder';
import { fileDropNames, isFileDropName } from '../../../shared/file-drop-files';
import { bytes, chosenIn, files, observeReadOnlyFolder, readOnlyObservationsSchema } from './file-drop-scenarios';
import { useTempFolder } from './temp-folder';

const temp = useTempFolder('file-drop');
const childFolder = useTempFolder('file-drop-child', 'all');
const chosen = (folderName?: string) => chosenIn(temp.path, folderName);

const NOBODY = 65534;
const readOnlyChild = fileURLToPath(new URL('./file-drop-read-only-child.ts', import.meta.url));

/**
 * Root writes through a read-only folder, so as root the scenario runs in a child as the user nobody.
 * The child is bundled into one file in a folder nobody may read: the repository itself (its sources,
 * node_modules and tsx) may sit in a folder only root can open.
 */
async function observeReadOnlyFolderWithoutRoot(root: string) {
  if (process.getuid?.() !== 0) return observeReadOnlyFolder(root);
  const child = join(childFolder.path, 'read-only-child.mjs');
  await build({
    entryPoints: [readOnlyChild],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  await chmod(childFolder.path, 0o755);
  await chown(root, NOBODY, NOBODY);
  const { stdout } = await promisify(execFile)(process.execPath, [child, root], {
    uid: NOBODY,
    gid: NOBODY,
    cwd: childFolder.path,
  });
  return readOnlyObservationsSchema.parse(JSON.parse(stdout));
}

describe('the file drop folder', () => {
  it('has no folder until the coach chooses one, and refuses to write before', async () => {
    const drop = createFileDropFolder({ settingsFile: join(temp.path, 'file-drop.json') });
    expect(await drop.state()).toEqual({ folder: null, problem: null, lastWritten: null });
    await expect(drop.write('2026-W48', files)).rejects.toThrow(/^Choose a folder for the file drop/);
  });

  it('remembers the folder chosen, across restarts, and keeps it when the dialog is cancelled', async () => {
    const { folder } = await chosen();
    const settingsFile = join(temp.path, 'userData', 'file-drop.json');
    const again = createFileDropFolder({ settingsFile });
    let offered: string | null = 'not asked';
    expect(
      await again.choose(async (current) => {
        offered = current;
        return null;
      }),
    ).toMatchObject({ folder, problem: null });
    expect(offered).toBe(folder);
    await expect(again.choose(async () => 'relative/folder')).rejects.toThrow(/whole folder path/);
    expect((await again.state()).folder).toBe(folder);
  });

  it("writes a run's CSV and JSON Lines under the week's names, and the next run's beside them", async () => {
    const { drop, folder } = await chosen();
    const first = await drop.write('2026-W48', files);
    expect(first).toEqual({
      folder,
      names: ['followthrough-actions-2026-W48.csv', 'followthrough-actions-2026-W48.jsonl'],
    });
    const second = await drop.write('2026-W48', { csv: bytes('second'), jsonl: bytes('second\n') });
    expect(second.names).toEqual(['followthrough-actions-2026-W48-2.csv', 'followthrough-actions-2026-W48-2.jsonl']);

    expect(await readFile(join(folder, 'followthrough-actions-2026-W48.csv'), 'utf8')).toBe('External ID,Type\r\n');
    expect(await readFile(join(folder, 'followthrough-actions-2026-W48.jsonl'), 'utf8')).toBe(
      '{"type":"action.upserted"}\n',
    );
    expect(await readFile(join(folder, 'followthrough-actions-2026-W48-2.csv'), 'utf8')).toBe('second');
    expect((await readdir(folder)).sort()).toHaveLength(4);
    expect((await drop.state()).lastWritten).toEqual({ at: 1_000, names: second.names });
  });

  it('takes a new pair of names when only one file of a pair is there', async () => {
    const { drop, folder } = await chosen();
    await writeFile(join(folder, 'followthrough-actions-2026-W49.jsonl'), 'kept');
    expect((await drop.write('2026-W49', files)).names[0]).toBe('followthrough-actions-2026-W49-2.csv');
    expect(await readFile(join(folder, 'followthrough-actions-2026-W49.jsonl'), 'utf8')).toBe('kept');
  });

  it('says plainly when the folder is missing or not a folder, and writes nothing', async () => {
    const { drop, folder } = await chosen();
    await rm(folder, { recursive: true });
    const { problem } = await drop.state();
    expect(problem).toMatch(/^The file drop folder .*OneDrive is missing/);
    expect(problem).toMatch(/choose the folder again in Sync settings; the changes wait/);
    await expect(drop.write('2026-W48', files)).rejects.toThrow(/is missing/);

    await writeFile(folder, 'a file where the folder was');
    expect((await drop.state()).problem).toMatch(/is not a folder any more/);
    await expect(drop.write('2026-W48', files)).rejects.toThrow(/is not a folder any more/);
    expect(await readFile(folder, 'utf8')).toBe('a file where the folder was');
  });

  it('says plainly when the folder cannot be written to, and writes nothing', async () => {
    const seen = await observeReadOnlyFolderWithoutRoot(temp.path);
    expect(seen).toEqual({
      problem: expect.stringMatching(/cannot be written to/),
      writeError: expect.stringMatching(/cannot be written to/),
      leftInFolder: [],
    });
  });

  it.each(['../../etc/cron.d/x', '2026-W48/../../x', '2026-W48\\..\\x', '2026-W99', '', '2026-W48.csv'])(
    'refuses the week %j and writes nothing anywhere',
    async (week) => {
      const { drop, folder } = await chosen('Dropbox/Coaching');
      await expect(drop.write(week, files)).rejects.toThrow(/^Nothing was written/);
      expect(await readdir(folder)).toEqual([]);
      expect((await readdir(temp.path)).sort()).toEqual(['Dropbox', 'userData']);
    },
  );

  it('accepts as a file name only a plain name the module makes', () => {
    expect(isFileDropName(fileDropNames('2026-W01').csv)).toBe(true);
    expect(isFileDropName(fileDropNames('2026-W53', 12).jsonl)).toBe(true);
    for (const name of [
      '../followthrough-actions-2026-W48.csv',
      'sub/followthrough-actions-2026-W48.csv',
      '..\\followthrough-actions-2026-W48.csv',
      'followthrough-actions-2026-W48.csv/..',
      'followthrough-actions-2026-W48.exe',
      '/followthrough-actions-2026-W48.csv',
    ]) {
      expect(isFileDropName(name), name).toBe(false);
    }
    fc.assert(
      fc.property(fc.string(), (name) => {
        if (!isFileDropName(name)) return;
        expect(name).not.toMatch(/[/\\]|\.\./);
      }),
    );
  });
});
