// Downloads from the web app, read back as another program would open them.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';

/** Runs `trigger`, waits for the download and returns the text of word/document.xml. */
export async function downloadedWordText(
  page: Page,
  trigger: () => Promise<void>,
): Promise<{ name: string; xml: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  return { name: download.suggestedFilename(), xml: strFromU8(files['word/document.xml']) };
}
