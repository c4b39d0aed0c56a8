// `npm start`: launches the desktop app, or, where the Electron binary is missing (an offline
// install with ELECTRON_SKIP_BINARY_DOWNLOAD=1), says so and serves the same app on 127.0.0.1.
// `npm run web` (--web) serves the page directly.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { startStaticServer } from './static-server';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function serveWeb(): Promise<void> {
  const port = Number(process.env.PORT ?? 5180);
  const { url } = await startStaticServer(undefined, port);
  console.log(`Followthrough is running as a web page at ${url}  (Ctrl+C to stop)`);
}

const webOnly = process.argv.includes('--web');
const binary = webOnly ? null : electronBinary();
if (binary) {
  const app = spawn(binary, [resolve(import.meta.dirname, '..')], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!webOnly) {
    console.log('The Electron binary is not installed here, so Followthrough opens as a web page instead.');
  }
  await serveWeb();
}
