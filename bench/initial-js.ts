// What JavaScript a start-up really downloads: the scripts Chromium fetched until start-up was over
// (scriptsLoadedAtStart), looked up in dist/renderer, gzipped as a server would send them, and checked against
// their source maps for libraries that must only load on demand.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defaultWebRoot } from '../scripts/static-server';
import { openUntilReady, withPage } from './chromium';
import { DEFERRED_WORK_MARK } from '../renderer/deferred-work';

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

/**
 * The scripts fetched while `profile` opened the app at `appUrl` until its start-up was over: until
 * Today was ready, or until the app began its deferred work (sync, the other screens, the search
 * worker), whichever came later. Anything imported right after the first render counts; the
 * deferred work does not, however fast the machine, so the number no longer depends on timing.
 */
export async function scriptsLoadedAtStart(profile: string, appUrl: string): Promise<ScriptFile[]> {
  const started = await withPage(profile, async (page) => {
    const readyAt = await openUntilReady(page, appUrl);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, DEFERRED_WORK_MARK);
    return page.evaluate(
      ({ mark, readyAt }) => {
        const deferredAt = performance.getEntriesByName(mark)[0].startTime;
        return performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('.js') && entry.startTime < Math.max(readyAt, deferredAt))
          .map((entry) => new URL(entry.name).pathname.slice(1));
      },
      { mark: DEFERRED_WORK_MARK, readyAt },
    );
  });
  return Promise.all([...new Set(started)].map(describeScript));
}
