// The hub as `npm run hub` runs it, in a process of its own: what the outage tests watch survive
// (an unhandled 'error' event ends a process, which an in-process hub would not show).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../server/main.ts', import.meta.url));

export type HubProcess = {
  url: string;
  /** The first coach token the hub prints on a new database. */
  coachToken: string;
  child: ChildProcess;
  /** Whether the process has ended (by itself: close() has not been called). */
  exited: () => boolean;
  /** What it wrote to stderr so far: its log. */
  log: () => string;
  close: () => Promise<void>;
};

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, HUB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let ended = false;
  child.once('exit', () => (ended = true));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let url = '';
  let coachToken = '';
  for await (const line of createInterface({ input: child.stdout! })) {
    url ||= /listening on (\S+)/.exec(line)?.[1] ?? '';
    coachToken ||= /Coach "First coach":\s+(\S+)/.exec(line)?.[1] ?? '';
    if (url && coachToken) break;
  }
  if (!url || !coachToken) throw new Error(`the hub process did not start: ${stderr}`);
  // Whatever it prints later must not fill the pipe and stall it.
  child.stdout!.resume();
  return {
    url,
    coachToken,
    child,
    exited: () => ended,
    log: () => stderr,
    async close() {
      if (ended) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
