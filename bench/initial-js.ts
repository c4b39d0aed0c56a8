// What JavaScript a start-up really downloads: the scripts Chromium fetched until the Today view
// was ready, looked up in dist/renderer, gzipped as a server would send them, and checked against
// their source maps for libraries that must only load on demand.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defaultWebRoot } from '../scripts/static-server';
import { openUntilReady, withPage } from './chromium';

export const ON_DEMAND_LIBRARIES = ['docx', 'exceljs'] as const;

type ScriptFile = { file: string; gzipBytes: number; libraries: string[] };

/** A file too small to hold either library: docx and exceljs are each over 100 kB gzipped. */
const TOO_SMALL_FOR_A_LIBRARY_BYTES = 5_000;

async function describeScript(file: string): Promise<ScriptFile> {
  const path = join(defaultWebRoot, file);
  const gzipBytes = gzipSync(await readFile(path)).length;
  const mapPath = `${path}.map`;
  if (!existsSync(mapPath)) {
    // The bundler's own runtime helper ships without a map; its size alone rules the libraries out.
    if (gzipBytes < TOO_SMALL_FOR_A_LIBRARY_BYTES) return { file, gzipBytes, libraries: [] };
    throw new Error(`${file} has no source map, so docx/exceljs cannot be proven absent; keep build.sourcemap on`);
  }
  const { sources } = JSON.parse(await readFile(mapPath, 'utf8')) as { sources: string[] };
  const libraries = ON_DEMAND_LIBRARIES.filter((library) =>
    sources.some((source) => source.includes(`node_modules/${library}/`)),
  );
  return { file, gzipBytes, libraries };
}

/** Every script in the build, initial or lazy. */
export async function allScripts(): Promise<ScriptFile[]> {
  const assets = await readdir(join(defaultWebRoot, 'assets'));
  return Promise.all(assets.filter((name) => name.endsWith('.js')).map((name) => describeScript(`assets/${name}`)));
}

/** The scripts fetched while `profile` opened the app at `appUrl` until Today was ready. */
export async function scriptsLoadedAtStart(profile: string, appUrl: string): Promise<ScriptFile[]> {
  const fetched = new Set<string>();
  await withPage(profile, async (page) => {
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') fetched.add(new URL(response.url()).pathname.slice(1));
    });
    await openUntilReady(page, appUrl);
    // Anything the app imports right after its first render still counts as start-up code.
    await page.waitForTimeout(1_000);
  });
  return Promise.all([...fetched].map(describeScript));
}
