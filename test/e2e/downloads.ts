// Downloads from the web app, read back as another program would open them.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The document's words as a reader sees them: one line per paragraph. */
const paragraphsOf = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_match, name: string) => entities[name]);

/** Runs `trigger`, waits for the download and returns word/document.xml, as XML and as text. */
export async function downloadedWordText(
  page: Page,
  trigger: () => Promise<void>,
): Promise<{ name: string; xml: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const xml = strFromU8(files['word/document.xml']);
  return { name: download.suggestedFilename(), xml, text: paragraphsOf(xml) };
}
