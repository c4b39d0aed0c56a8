// The file drop's folder on the desktop: chosen once by the coach (main shows the dialog and hands
// the choice in), remembered in a small JSON file in userData, and written into under names this
// module makes from an ISO week. The renderer never sends a path or a file name. A run's two
// files are written both or neither, and never over a file already there.
import { constants } from 'node:fs';
import { access, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { fileDropNames, isFileDropName } from '../shared/file-drop-files';
import { errorMessage } from '../shared/result';
import { readJsonFile, writeJsonFile } from './json-file';

const settingsSchema = z.object({
  folder: z.string().min(1).nullable(),
  lastWritten: z.object({ at: z.number().int().nonnegative(), names: z.array(z.string()).length(2) }).nullable(),
});
type Settings = z.infer<typeof settingsSchema>;

type FileDropFolderState = {
  folder: string | null;
  problem: string | null;
  lastWritten: { at: number; names: string[] } | null;
};

/** Asks the coach for a folder (the native dialog in the app); null when they cancel. */
export type PickFolder = (current: string | null) => Promise<string | null>;

/** Copies of a week's files a folder may hold before the module gives up looking for a free name. */
const MAX_COPIES = 999;

/** Why `folder` cannot take the file drop now, in words the coach can act on; null when it can. */
async function problemWith(folder: string): Promise<string | null> {
  try {
    if (!(await stat(folder)).isDirectory()) {
      return `The file drop folder ${folder} is not a folder any more. Choose it again in Sync settings; the changes wait until then.`;
    }
    await access(folder, constants.W_OK);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return `The file drop folder ${folder} is missing (a drive not connected, or the folder moved). Reconnect it or choose the folder again in Sync settings; the changes wait until then.`;
    }
    return `The file drop folder ${folder} cannot be written to (${errorMessage(error)}). Check its permissions or choose another folder in Sync settings; the changes wait until then.`;
  }
}

/** The path of `name` in `folder`, only for a name this module makes and only inside the folder. */
function pathInFolder(folder: string, name: string): string {
  const path = join(folder, name);
  if (!isFileDropName(name) || basename(name) !== name || resolve(dirname(path)) !== resolve(folder)) {
    throw new Error(`Refused to write ${JSON.stringify(name)}: not a file drop file name`);
  }
  return path;
}

export function createFileDropFolder({ settingsFile, now = Date.now }: { settingsFile: string; now?: () => number }) {
  async function settings(): Promise<Settings> {
    const stored = await readJsonFile(settingsFile, settingsSchema).catch(() => null);
    return stored ?? { folder: null, lastWritten: null };
  }

  async function state(): Promise<FileDropFolderState> {
    const { folder, lastWritten } = await settings();
    return { folder, problem: folder ? await problemWith(folder) : null, lastWritten };
  }

  /** Remembers the folder the coach picks; cancelling keeps the one chosen before. */
  async function choose(pick: PickFolder): Promise<FileDropFolderState> {
    const current = await settings();
    const picked = await pick(current.folder);
    if (picked !== null) {
      if (!isAbsolute(picked)) throw new Error(`Choose a whole folder path, not ${JSON.stringify(picked)}`);
      writeJsonFile(settingsFile, { ...current, folder: resolve(picked) } satisfies Settings);
    }
    return state();
  }

  /** Writes the pair under the first names of `week` free in the folder; on any failure, neither stays. */
  async function writePair(folder: string, week: string, files: { csv: Uint8Array; jsonl: Uint8Array }) {
    const present = new Set(await readdir(folder));
    for (let copy = 1; copy <= MAX_COPIES; copy += 1) {
      const names = fileDropNames(week, copy);
      if (present.has(names.csv) || present.has(names.jsonl)) continue;
      const written: string[] = [];
      try {
        for (const [name, data] of [
          [names.csv, files.csv],
          [names.jsonl, files.jsonl],
        ] as const) {
          const path = pathInFolder(folder, name);
          // 'wx': never over a file that appeared since the folder was listed.
          await writeFile(path, data, { flag: 'wx' });
          written.push(path);
        }
        return [names.csv, names.jsonl];
      } catch (error) {
        await Promise.all(written.map((path) => unlink(path).catch(() => undefined)));
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
    }
    throw new Error(`the folder already holds ${MAX_COPIES} copies of this week's files`);
  }

  async function write(week: string, files: { csv: Uint8Array; jsonl: Uint8Array }) {
    const current = await settings();
    if (!current.folder)
      throw new Error('Choose a folder for the file drop in Sync settings; the changes wait until then.');
    const problem = await problemWith(current.folder);
    if (problem) throw new Error(problem);
    let names: string[];
    try {
      names = await writePair(current.folder, week, files);
    } catch (error) {
      throw new Error(
        `Nothing was written to ${current.folder}: ${errorMessage(error)}. The changes wait for the next sync.`,
        { cause: error },
      );
    }
    writeJsonFile(settingsFile, { ...current, lastWritten: { at: now(), names } } satisfies Settings);
    return { folder: current.folder, names };
  }

  return { state, choose, write };
}

export type FileDropFolder = ReturnType<typeof createFileDropFolder>;
