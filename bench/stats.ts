// Turns raw samples into the row every tool reads from bench/results/latest.json.
import type { BenchSamples } from './types';

export type BenchResult = {
  case: string;
  median_ms: number;
  baseline_ms: number;
  ratio: number;
  p95_ms: number;
  baseline_p95_ms: number;
  runs: number;
  unit: string;
  notes?: string;
  [extra: string]: number | string | undefined;
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (`fraction` 0.95 for p95): with few samples this is the slowest one. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * fraction) - 1)];
}

export const p95 = (values: readonly number[]) => percentile(values, 0.95);

const rounded = (value: number) => Math.round(value * 100) / 100;

function caseName(name: string, unit: string | undefined): string {
  return unit ? `${name}-${unit.trim().replace(/\s+/g, '-')}` : name;
}

export function summarise(name: string, samples: BenchSamples): BenchResult {
  const ours = median(samples.ours);
  const baseline = median(samples.baseline);
  return {
    ...samples.extra,
    case: caseName(name, samples.unit),
    median_ms: rounded(ours),
    baseline_ms: rounded(baseline),
    ratio: baseline > 0 ? rounded(ours / baseline) : Number.POSITIVE_INFINITY,
    p95_ms: rounded(p95(samples.ours)),
    baseline_p95_ms: rounded(p95(samples.baseline)),
    runs: samples.ours.length,
    unit: samples.unit ?? 'ms',
    ...(samples.notes ? { notes: samples.notes } : {}),
  };
}
