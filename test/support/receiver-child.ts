// Starts test/support/receiver-process.ts as a child process and talks to it over stdio.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./receiver-process.ts', import.meta.url));

export async function startReceiverProcess(secret: string, options: { cors?: boolean; latencyMs?: number } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      RECEIVER_SECRET: secret,
      RECEIVER_CORS: options.cors ? '1' : '',
      RECEIVER_LATENCY_MS: String(options.latencyMs ?? 0),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await iterator.next();
    if (done) throw new Error('the receiver process ended');
    return value as string;
  };
  const { url } = JSON.parse(await nextLine()) as { url: string };
  return {
    url,
    async reset() {
      child.stdin.write('reset\n');
      if ((await nextLine()) !== 'reset') throw new Error('the receiver process did not reset');
    },
    async close() {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}
