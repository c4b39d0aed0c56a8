// The contract between bench/run.ts and every benchmark case file in bench/cases/.
// Each case measures our implementation and a baseline in the same run, because this machine is
// noisy and only ratios travel.

export type BenchMode = {
  /** --smoke: tiny sizes and one run, so `npm test` proves the harness still works. */
  smoke: boolean;
  /** How many measured runs after the warm-up (1 in smoke mode). */
  runs: number;
};

export type BenchSamples = {
  /** One number per measured run: milliseconds unless `unit` says otherwise. */
  ours: number[];
  baseline: number[];
  /** For non-time cases, e.g. 'MB' or 'kB'; the runner puts it in the case name. */
  unit?: string;
  /** Anything else worth printing (dataset size, counts, target). */
  notes?: string;
};

export type BenchCase = {
  name: string;
  measure: (mode: BenchMode) => Promise<BenchSamples>;
};
