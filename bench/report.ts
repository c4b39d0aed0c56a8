// Prints the results as a table and writes them as JSON under bench/results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResult } from './stats';

const resultsDirectory = join(import.meta.dirname, 'results');

const number = (value: number) => (Number.isFinite(value) ? value.toFixed(value >= 100 ? 0 : 1) : '∞');

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['case', 'ours (median)', 'baseline (median)', 'ratio', 'ours p95', 'notes'];
  const rows = results.map((result) => [
    result.case,
    number(result.median_ms),
    number(result.baseline_ms),
    `${result.ratio.toFixed(2)}×`,
    number(result.p95_ms),
    result.notes ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 5 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Writes `<name>.json`; returns its path. */
export async function writeResults(name: string, results: readonly BenchResult[]): Promise<string> {
  await mkdir(resultsDirectory, { recursive: true });
  const path = join(resultsDirectory, `${name}.json`);
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
