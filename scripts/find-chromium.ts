// Where the browser for the e2e tests and benchmarks is: $CHROMIUM_PATH, or a system Chromium.
import { existsSync } from 'node:fs';

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return systemCandidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** The flags that keep a headless Chromium quiet on a machine with no outside network. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
