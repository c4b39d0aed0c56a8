// The embedded database is one process's at a time: a second PGlite on the same folder would
// corrupt it. The hub and the CLI both take this lock before opening the folder.
//
// Every step is atomic, so of several processes starting at once exactly one takes the folder: the
// lock file appears whole (written aside, then hard-linked into place, which fails if it exists),
// and a lock left by an ended process is removed only under a second, equally atomic lock, after
// checking it is still the same one.
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const LOCK_FILE = 'hub.lock';
/** Held only while a stale lock is removed. */
const BREAK_LOCK_FILE = 'hub.lock.break';
/** Enough for dozens of processes starting at once to settle; each round takes milliseconds. */
const MAX_ROUNDS = 200;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isCode = (error: unknown, code: string) => (error as NodeJS.ErrnoException).code === code;

/** Creates `path` holding this process's pid, whole, only if it does not exist yet. */
async function createExclusively(path: string): Promise<boolean> {
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  await writeFile(aside, String(process.pid));
  try {
    await link(aside, path);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await rm(aside, { force: true });
  }
}

/** The pid a lock file names; null when it is gone, 0 when it names none. */
async function holderOf(path: string): Promise<number | null> {
  try {
    const holder = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(holder) && holder > 0 ? holder : 0;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Whether a lock naming `holder` belongs to a process still running, other than this one. */
const isHeldByOther = (holder: number | null) => holder !== null && holder !== process.pid && isRunning(holder);

/** Removes the lock if it still names `stale`, under the break lock; false when another process is breaking it. */
async function breakStaleLock(lock: string, breaker: string, stale: number): Promise<boolean> {
  if (!(await createExclusively(breaker))) {
    // A process that ended while breaking a lock leaves its break lock behind.
    const breaking = await holderOf(breaker);
    if (breaking !== null && !isHeldByOther(breaking)) await rm(breaker, { force: true });
    return false;
  }
  try {
    if ((await holderOf(lock)) === stale) await rm(lock, { force: true });
    return true;
  } finally {
    await rm(breaker, { force: true });
  }
}

/** Takes the folder's lock, or throws a message saying which process holds it. Returns the release. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lock = join(dataDir, LOCK_FILE);
  const breaker = join(dataDir, BREAK_LOCK_FILE);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (await createExclusively(lock)) return () => rm(lock, { force: true });
    const holder = await holderOf(lock);
    if (isHeldByOther(holder)) {
      throw new Error(
        `Another hub process (pid ${holder}) is using ${dataDir}. Stop it first: the embedded database serves one process at a time.`,
      );
    }
    // Left behind by a process that has ended (or gone meanwhile): remove it, then try again.
    if (holder !== null && !(await breakStaleLock(lock, breaker, holder))) await delay(5 + Math.random() * 20);
  }
  throw new Error(`Could not take the lock of ${dataDir}: too many processes are starting on it at once.`);
}
