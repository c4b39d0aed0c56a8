// Runs our side and the baseline in alternating order, warm-ups first, so drift on a noisy
// machine (another process, a GC, thermal throttling) falls on both sides alike.
import type { BenchMode } from './types';

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

type Sides = Record<string, () => Promise<number>>;

/** One list of samples per side, each from `mode.runs` measured runs after `mode.warmups`. */
export async function measureSides<S extends Sides>(mode: BenchMode, sides: S): Promise<Record<keyof S, number[]>> {
  const names = Object.keys(sides) as (keyof S)[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof S, number[]>;
  for (let run = 0; run < mode.warmups + mode.runs; run += 1) {
    const order = names.map((_, index) => names[(index + run) % names.length]);
    for (const name of order) {
      const value = await sides[name]();
      if (run >= mode.warmups) samples[name].push(value);
    }
  }
  return samples;
}
