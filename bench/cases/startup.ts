// Start-up with years of data: cold start to a ready Today view, the JavaScript heap after that
// start, and the JavaScript downloaded for it. The large dataset is loaded into a Chromium profile
// through the in-app demo loader; baselines are the empty app and a bare HTML page.
import { datasetSizes } from '../../shared/demo-dataset';
import { sharedAppProfiles, type AppProfiles } from '../app-profiles';
import { heapAfterGarbageCollection, openUntilReady, withPage, type LaunchOptions } from '../chromium';
import { allScripts, ON_DEMAND_LIBRARIES, scriptsLoadedAtStart } from '../initial-js';
import { measureSides } from '../sampling';
import { median, p95 } from '../stats';
import type { BenchCase } from '../types';

export { disposeSharedAppProfiles as teardown } from '../app-profiles';

const describeSize = (fixture: AppProfiles) =>
  `${fixture.size} dataset (${datasetSizes[fixture.size].actions.toLocaleString('en')} actions)`;

const coldStart = (profile: string, url: string, options: LaunchOptions = {}) =>
  withPage(profile, (page) => openUntilReady(page, url), options);

const heapAfterStart = (profile: string, url: string) =>
  withPage(profile, async (page, context) => {
    await openUntilReady(page, url);
    // Let the live queries that follow the first render settle before weighing the heap.
    await page.waitForTimeout(1_000);
    return heapAfterGarbageCollection(context, page);
  });

const startup: BenchCase = {
  name: 'startup-large',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    const samples = await measureSides(mode, {
      ours: () => coldStart(fixture.dataProfile, fixture.appUrl),
      baseline: () => coldStart(fixture.emptyProfile, fixture.appUrl),
      floor: () => coldStart(fixture.bareProfile, fixture.bareUrl),
    });
    const floor = median(samples.floor);
    return {
      ours: samples.ours,
      baseline: samples.baseline,
      extra: { floor_ms: floor, floor_p95_ms: p95(samples.floor) },
      notes: `${describeSize(fixture)} vs empty app; bare page ${floor.toFixed(0)} ms; target ≤ 1.3× and < 1000 ms`,
    };
  },
};

const startupSealed: BenchCase = {
  name: 'startup-large-encrypted',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    const samples = await measureSides(mode, {
      ours: () => coldStart(fixture.dataProfile, fixture.appUrl),
      baseline: () => coldStart(fixture.plainDataProfile, fixture.appUrl, { withoutKeychain: true }),
    });
    return {
      ...samples,
      notes: `${describeSize(fixture)} stored encrypted vs the same stored in clear (no keychain); target ≤ 1.25×`,
    };
  },
};

const heap: BenchCase = {
  name: 'heap-large',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    const samples = await measureSides(mode, {
      ours: () => heapAfterStart(fixture.dataProfile, fixture.appUrl),
      baseline: () => heapAfterStart(fixture.emptyProfile, fixture.appUrl),
    });
    return { ...samples, unit: 'MB', notes: `${describeSize(fixture)} vs empty app, after GC; target ≤ 60 MB` };
  },
};

const kB = (bytes: number) => bytes / 1000;

/** The budget a start-up stays under: a feature that needs more at start pays for it elsewhere. */
const INITIAL_JS_BUDGET_KB = 200;

const initialJavaScript: BenchCase = {
  name: 'initial-js-gzip',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    const [initial, everything] = await Promise.all([
      scriptsLoadedAtStart(fixture.dataProfile, fixture.appUrl),
      allScripts(),
    ]);
    const offenders = initial.filter((script) => script.libraries.length > 0);
    if (offenders.length > 0) {
      const list = offenders.map((script) => `${script.file} (${script.libraries.join(', ')})`).join('; ');
      throw new Error(`${ON_DEMAND_LIBRARIES.join('/')} must load on demand, but start-up loads ${list}`);
    }
    const lazyWithLibraries = everything.filter((script) => script.libraries.length > 0).map((script) => script.file);
    const initialKB = kB(initial.reduce((sum, script) => sum + script.gzipBytes, 0));
    const allKB = kB(everything.reduce((sum, script) => sum + script.gzipBytes, 0));
    if (initialKB > INITIAL_JS_BUDGET_KB) {
      const biggest = [...initial].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 8);
      const list = biggest.map((script) => `${script.file} ${kB(script.gzipBytes).toFixed(1)} kB`).join(', ');
      throw new Error(
        `start-up loads ${initialKB.toFixed(1)} kB of JavaScript (gzip), over the ${INITIAL_JS_BUDGET_KB} kB budget; the biggest: ${list}`,
      );
    }
    return {
      ours: [initialKB],
      baseline: [allKB],
      unit: 'kB',
      extra: { initial_scripts: initial.length, all_scripts: everything.length },
      notes:
        `start-up JS vs all JS in the build; ${ON_DEMAND_LIBRARIES.join('/')} absent at start` +
        (lazyWithLibraries.length ? ` (found only in ${lazyWithLibraries.join(', ')})` : ', not in the build yet') +
        `; target ≤ ${INITIAL_JS_BUDGET_KB} kB`,
    };
  },
};

export const cases: BenchCase[] = [startup, startupSealed, heap, initialJavaScript];
