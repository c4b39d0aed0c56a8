// The embedded database is one process's at a time: a second PGlite on the same folder would
// corrupt it. The hub and the CLI both take this lock before opening the folder.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'hub.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock, or throws a message saying which process holds it. Returns the release. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `Another hub process (pid ${holder}) is using ${dataDir}. Stop it first: the embedded database serves one process at a time.`,
      );
    }
    // Left behind by a process that has ended.
    await writeFile(path, String(process.pid));
  }
  return () => rm(path, { force: true });
}
