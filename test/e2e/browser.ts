// Launches Debian's Chromium through playwright-core with a fresh profile directory per test. A
// test may close and relaunch (or kill) the browser on the same profile to check what survives.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, inject } from 'vitest';
import { chromiumFlags, findChromium } from '../../scripts/find-chromium';

export type AppBrowser = {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  consoleErrors: string[];
  /** Closes the browser cleanly and opens it again on the same profile. */
  restart: () => Promise<AppBrowser>;
  close: () => Promise<void>;
};

export function appUrl(hash = ''): string {
  return inject('appUrl') + hash;
}

export type LaunchOptions = {
  profileDir?: string;
  colorScheme?: 'light' | 'dark';
  hash?: string;
  /** Runs before the app loads: to grant permissions or add init scripts. */
  beforeLoad?: (context: BrowserContext, page: Page) => Promise<void>;
  /** The coach's time zone (IANA); the machine's when absent. */
  timezoneId?: string;
};

export async function launchApp(options: LaunchOptions = {}): Promise<AppBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found; run `tsx scripts/ensure-chromium.ts`');
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'followthrough-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    args: chromiumFlags,
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await options.beforeLoad?.(context, page);
  await page.goto(appUrl(options.hash ?? ''));
  const app: AppBrowser = {
    context,
    page,
    profileDir,
    consoleErrors,
    restart: async () => {
      await context.close();
      return launchApp({ ...options, profileDir });
    },
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Closes the test's browser after each test: whichever one `current` gives then, as a test may have restarted it. */
export function closeAfterEach(current: () => AppBrowser | undefined) {
  afterEach(async () => {
    await current()?.close();
  });
}

/** SIGKILL every process of the browser on this profile, found by its own command line. */
export function killBrowser(profileDir: string): void {
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!commandLine.includes(`--user-data-dir=${profileDir}`)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
