// Runs the discovered benchmark cases one after another and collects a result row per case and a
// message per failure. bench/run.ts is the command line around it.
import 'fake-indexeddb/auto';
import { checkedSamples, discoverCaseFiles } from './discover';
import { summarise, type BenchResult } from './stats';
import type { BenchCase, BenchMode } from './types';

type RunOptions = {
  smoke: boolean;
  /** Only cases whose name contains this text. */
  caseFilter?: string;
  runs?: number;
  casesDirectory?: string;
  onProgress?: (message: string) => void;
};

type Failure = { name: string; error: string };
type RunOutcome = { results: BenchResult[]; failures: Failure[] };

export const DEFAULT_RUNS = 5;
const caseTimeLimitMs = { smoke: 120_000, full: 300_000 };

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function runCase(benchCase: BenchCase, mode: BenchMode): Promise<BenchResult> {
  const limit = mode.smoke ? caseTimeLimitMs.smoke : caseTimeLimitMs.full;
  const samples = checkedSamples(await withTimeLimit(benchCase.measure(mode), limit));
  if (!samples.success) throw new Error(samples.error.issues.map((issue) => issue.message).join('; '));
  return summarise(benchCase.name, samples.data);
}

export async function runBenchmarks(options: RunOptions): Promise<RunOutcome> {
  const progress = options.onProgress ?? (() => {});
  const mode: BenchMode = options.smoke
    ? { smoke: true, runs: 1, warmups: 0 }
    : { smoke: false, runs: options.runs ?? DEFAULT_RUNS, warmups: 1 };
  const files = await discoverCaseFiles(options.casesDirectory);
  const failures: Failure[] = files.flatMap((file) => (file.ok ? [] : [{ name: file.file, error: file.error }]));
  const results: BenchResult[] = [];
  const seen = new Set<string>();

  try {
    for (const file of files) {
      if (!file.ok) continue;
      for (const benchCase of file.module.cases.filter((c) => c.name.includes(options.caseFilter ?? ''))) {
        if (seen.has(benchCase.name)) {
          failures.push({ name: benchCase.name, error: `the name is used twice (again in ${file.file})` });
          continue;
        }
        seen.add(benchCase.name);
        progress(`${benchCase.name} (${file.file})…`);
        const started = performance.now();
        try {
          results.push(await runCase(benchCase, mode));
          progress(`${benchCase.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } catch (error) {
          failures.push({ name: benchCase.name, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  } finally {
    // Fixtures may be shared between files (one browser profile for every Chromium case), so
    // they are released only once every case has run.
    for (const file of files) if (file.ok) await file.module.teardown?.();
  }
  if (seen.size === 0) failures.push({ name: options.caseFilter ?? '(all)', error: 'no case matches' });
  return { results, failures };
}
