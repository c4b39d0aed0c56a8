// File drop scenarios shared by file-drop-folder.test.ts and file-drop-read-only-child.ts: root
// writes through a read-only folder, so as root the test runs the read-only one as another user.
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createFileDropFolder } from '../../../electron/file-drop-folder';
import { errorMessage } from '../../../shared/result';

export const bytes = (text: string) => new TextEncoder().encode(text);
export const files = { csv: bytes('External ID,Type\r\n'), jsonl: bytes('{"type":"action.upserted"}\n') };

/** A file drop whose coach chose `root/folderName`; its settings live in `root/userData`. */
export async function chosenIn(root: string, folderName = 'OneDrive') {
  const folder = join(root, folderName);
  await mkdir(folder, { recursive: true });
  const drop = createFileDropFolder({ settingsFile: join(root, 'userData', 'file-drop.json'), now: () => 1_000 });
  await drop.choose(async () => folder);
  return { drop, folder };
}

export const readOnlyObservationsSchema = z.object({
  problem: z.string().nullable(),
  writeError: z.string().nullable(),
  leftInFolder: z.array(z.string()),
});
type ReadOnlyObservations = z.infer<typeof readOnlyObservationsSchema>;

/** What the file drop says and writes once its chosen folder is made read-only. */
export async function observeReadOnlyFolder(root: string): Promise<ReadOnlyObservations> {
  const { drop, folder } = await chosenIn(root);
  await chmod(folder, 0o555);
  try {
    const { problem } = await drop.state();
    const writeError = await drop.write('2026-W48', files).then(() => null, errorMessage);
    return { problem, writeError, leftInFolder: await readdir(folder) };
  } finally {
    await chmod(folder, 0o755);
  }
}
