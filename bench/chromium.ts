// Cold starts of the built app in Debian's Chromium: each measurement launches a new browser
// process on a profile directory, so nothing is warm in memory, and reads the moment the Today
// view reported itself ready (its data-ready attribute) from the page's own clock, which starts
// at navigation. Browser launch time is left out: it is the same for every page.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags, findChromium } from '../scripts/find-chromium';
import { noKeychainInPage } from '../test/e2e/plaintext-profile';

const READY_SELECTOR = 'main[aria-label="Today"] [data-ready="true"]';

declare global {
  interface Window {
    benchReadyAt?: number;
  }
}

/**
 * Notes the first moment READY_SELECTOR matches, installed before any page script runs. Kept as
 * source text: tsx rewrites functions in this file with helpers the page does not have.
 */
const readyProbe = `(() => {
  const check = () => {
    if (window.benchReadyAt === undefined && document.querySelector(${JSON.stringify(READY_SELECTOR)})) {
      window.benchReadyAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
})()`;

export async function newProfileDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'followthrough-bench-'));
}

export async function removeDirectory(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/** `withoutKeychain`: the app finds no place to keep its data key, so it stores everything in clear
 * (test/e2e/plaintext-profile.ts): the baseline of the encryption cases. */
export type LaunchOptions = { withoutKeychain?: boolean };

export async function launch(
  profileDir: string,
  { withoutKeychain = false }: LaunchOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found; install it (apt-get install chromium) or set CHROMIUM_PATH');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    args: chromiumFlags,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(readyProbe);
  // tsx compiles bench code with esbuild's keepNames, which wraps named inner functions in a
  // __name() helper; a function handed to page.evaluate would fail in the page without this no-op.
  await page.addInitScript('globalThis.__name = (target) => target;');
  if (withoutKeychain) await page.addInitScript(noKeychainInPage);
  return { context, page };
}

/** Runs `work` in a new browser on `profileDir` and closes it afterwards, whatever happens. */
export async function withPage<T>(
  profileDir: string,
  work: (page: Page, context: BrowserContext) => Promise<T>,
  options: LaunchOptions = {},
): Promise<T> {
  const { context, page } = await launch(profileDir, options);
  try {
    return await work(page, context);
  } finally {
    await context.close();
  }
}

/** Opens `url` and waits until the Today view is ready; returns milliseconds since navigation. */
export async function openUntilReady(page: Page, url: string, timeoutMs = 60_000): Promise<number> {
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  const handle = await page
    .waitForFunction(() => window.benchReadyAt, null, { timeout: timeoutMs, polling: 50 })
    .catch((error: Error) => {
      throw new Error(`${url} never showed ${READY_SELECTOR} within ${timeoutMs / 1000} s: ${error.message}`);
    });
  return (await handle.jsonValue()) as number;
}

/** The page's JavaScript heap in use after a full garbage collection, in MB (2^20 bytes). */
export async function heapAfterGarbageCollection(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Counts the records in one IndexedDB store of the page's origin, with no app code involved. */
export async function countStored(page: Page, storeName: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('followthrough');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const count = db.transaction(${JSON.stringify(storeName)}).objectStore(${JSON.stringify(storeName)}).count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
      count.onerror = () => reject(count.error);
    };
  })`);
}
