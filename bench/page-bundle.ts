// Serves one bench page, a TypeScript entry bundled with its imports, to a Chromium page at a
// localhost address, so it runs as the app does: a secure context with IndexedDB and WebCrypto.
// Nothing listens on the port; Playwright answers the page's requests itself.
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

const ORIGIN = 'http://localhost:4817';

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'browser' });
  return result.outputFiles[0].text;
}

/** Opens `entry` (a path) bundled in `page`, and resolves once its module has run. */
export async function openBenchPage(page: Page, entry: string): Promise<void> {
  const script = await bundle(entry);
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill(
      route.request().url().endsWith('/page.js')
        ? { contentType: 'text/javascript', body: script }
        : { contentType: 'text/html', body: '<!doctype html><script type="module" src="/page.js"></script>' },
    ),
  );
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => document.readyState === 'complete');
}
