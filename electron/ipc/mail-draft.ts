// Mail drafts (.eml) the renderer prepares, opened in the coach's mail app: written to a folder of
// drafts under the system's temporary folder, then handed to the operating system, which opens
// .eml files with the default mail app (Outlook and Apple Mail open `X-Unsent: 1` as a new message).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { plainFileName } from '../plain-file-name';
import type { IpcHandlers } from './register';

type MailDraftOptions = {
  /** The folder drafts are written to. */
  folder: string;
  /** Opens a file with its default app; resolves to '' or to the reason it could not (Electron's shell.openPath). */
  openPath: (path: string) => Promise<string>;
};

export function mailDraftHandlers({ folder, openPath }: MailDraftOptions): Pick<IpcHandlers, 'openMailDraft'> {
  return {
    openMailDraft: async ({ fileName, data }) => {
      await mkdir(folder, { recursive: true });
      const path = join(folder, plainFileName(fileName));
      await writeFile(path, data);
      const problem = await openPath(path);
      if (problem) throw new Error(`The draft was saved as ${path} but no mail app opened it: ${problem}`);
      return { path };
    },
  };
}
