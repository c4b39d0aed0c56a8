// The contract between bench/run.ts and every benchmark case file in bench/cases/.
// Each case measures our implementation and a baseline in the same run, because this machine is
// noisy and only ratios travel.
//
// A case file exports `cases: BenchCase[]` and, when its cases share something expensive (a
// browser profile, a server), an optional `teardown()` the runner calls once all cases have run.
// Node cases run with fake-indexeddb installed as the global IndexedDB.

export type BenchMode = {
  /** --smoke: tiny sizes and one run, so `npm test` proves the harness still works. */
  smoke: boolean;
  /** How many measured runs after the warm-up (1 in smoke mode). */
  runs: number;
  /** How many unrecorded runs to do first (0 in smoke mode); bench/sampling.ts does both for you. */
  warmups: number;
};

export type BenchSamples = {
  /** One number per measured run: milliseconds unless `unit` says otherwise. */
  ours: number[];
  baseline: number[];
  /** For non-time cases, e.g. 'MB' or 'kB'; the runner puts it in the case name. */
  unit?: string;
  /** Anything else worth printing (dataset size, counts, target). */
  notes?: string;
  /** Extra numbers for bench/results/latest.json, e.g. { floor_ms: 41 }. */
  extra?: Record<string, number>;
};

export type BenchCase = {
  name: string;
  measure: (mode: BenchMode) => Promise<BenchSamples>;
};

export type BenchCaseFile = {
  cases: BenchCase[];
  teardown?: () => Promise<void>;
};
