// The Metrics page in Chromium, where coaches run it, with five years of the large generated
// dataset stored through the app (bench/app-profiles.ts): from choosing "All time" for everyone
// to the moment the page marks the new report ready (data-ready on the results, which it sets
// once the report shown is the one for the filters chosen) — read, every measure and React's
// render of the scorecard and panels. The baseline, in the same page: one raw IndexedDB pass
// that only reads the same records (getAll of participants, contracts and the metric fact
// groups). Also reported, from the page's own Performance marks: the read and the computation
// alone; the time to the next frame after the marker (charts drawing); and one raw pass over
// the full tables instead of the groups. Target: under 300 ms and at most 3× the read pass.
import type { Page } from 'playwright-core';
import { launch, openUntilReady } from '../chromium';
import { sharedAppProfiles } from '../app-profiles';
import { measureSides } from '../sampling';
import { median } from '../stats';
import type { BenchCase } from '../types';

const READY = '.metrics-page [data-ready="true"]';
const FACT_STORES = ['participants', 'contracts', 'sessionFactGroups', 'actionFactGroups'];
const FULL_STORES = ['participants', 'contracts', 'sessions', 'actions'];

type PageSample = { total: number; painted: number; read: number; compute: number; period: string };

/** Chooses another period on the page and times it until its report is shown. */
function choosePeriod(page: Page, preset: 'all' | 'last-90'): Promise<PageSample> {
  return page.evaluate(
    async ({ preset, ready }) => {
      const select = document.querySelector<HTMLSelectElement>('#metrics-period')!;
      if (select.value === preset) throw new Error(`the period is already ${preset}`);
      const shown = new Promise<number>((resolve, reject) => {
        setTimeout(() => reject(new Error(`no report shown within 30 s of choosing ${preset}`)), 30_000);
        let sawBusy = false;
        const check = () => {
          if (!document.querySelector(ready)) sawBusy = true;
          else if (sawBusy) {
            observer.disconnect();
            resolve(performance.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const started = performance.now();
      select.value = preset;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const readyAt = await shown;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const painted = performance.now() - started;
      const last = (name: string) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
      const period = document.querySelector('.metrics-subtitle')?.textContent?.split(' · ')[1] ?? '';
      return {
        total: readyAt - started,
        painted,
        read: last('metrics-read'),
        compute: last('metrics-compute'),
        period,
      };
    },
    { preset, ready: READY },
  );
}

/** One raw IndexedDB pass over these stores of the app's database, in one transaction. */
function readPass(page: Page, stores: string[]): Promise<number> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('followthrough');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => resolve(request.result);
    });
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(names, 'readonly');
      for (const name of names) tx.objectStore(name).getAll();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const elapsed = performance.now() - started;
    db.close();
    return elapsed;
  }, stores);
}

const everyMeasureInChromium: BenchCase = {
  name: 'metrics-every-measure-5-years-chromium',
  async measure(mode) {
    const fixture = await sharedAppProfiles(mode);
    const { context, page } = await launch(fixture.dataProfile);
    try {
      await openUntilReady(page, fixture.appUrl);
      await page.goto(`${fixture.appUrl}#/metrics`);
      await page.locator(READY).waitFor({ timeout: 60_000 });
      const details: PageSample[] = [];
      const samples = await measureSides(mode, {
        ours: async () => {
          const sample = await choosePeriod(page, 'all');
          await choosePeriod(page, 'last-90');
          details.push(sample);
          return sample.total;
        },
        baseline: () => readPass(page, FACT_STORES),
        fullTables: () => readPass(page, FULL_STORES),
      });
      const measured = details.slice(-samples.ours.length);
      const of = (pick: (sample: PageSample) => number) => median(measured.map(pick));
      const extra = {
        read_ms: of((sample) => sample.read),
        compute_ms: of((sample) => sample.compute),
        next_frame_ms: of((sample) => sample.painted),
        full_tables_read_ms: median(samples.fullTables),
      };
      return {
        ours: samples.ours,
        baseline: samples.baseline,
        notes:
          `${fixture.size} dataset in Chromium; "All time" for everyone → report shown (${measured[0]?.period}) ` +
          `vs one raw getAll pass over participants, contracts and the fact groups; page marks: read ${extra.read_ms.toFixed(0)} ms, ` +
          `compute ${extra.compute_ms.toFixed(0)} ms; next frame after the marker ${extra.next_frame_ms.toFixed(0)} ms; ` +
          `raw pass over the full tables ${extra.full_tables_read_ms.toFixed(0)} ms; target < 300 ms and ≤ 3×`,
        extra,
      };
    } finally {
      await context.close();
    }
  },
};

export const cases: BenchCase[] = [everyMeasureInChromium];
