import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { median, p95, percentile, summarise } from '../../bench/stats';
import { formatTable } from '../../bench/report';
import { runBenchmarks } from '../../bench/runner';

const scratch = join(process.cwd(), '.tmp');
const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

async function casesDirectoryWith(files: Record<string, string>): Promise<string> {
  await mkdir(scratch, { recursive: true });
  const directory = await mkdtemp(join(scratch, 'bench-cases-'));
  directories.push(directory);
  for (const [name, source] of Object.entries(files)) await writeFile(join(directory, name), source);
  return directory;
}

describe('benchmark statistics', () => {
  it('takes medians and nearest-rank p95, and puts a non-time unit in the case name', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(p95([1, 2, 3, 4, 100])).toBe(100);
    expect(p95(Array.from({ length: 40 }, (_, index) => index + 1))).toBe(38);
    expect(
      percentile(
        Array.from({ length: 200 }, (_, index) => index + 1),
        0.99,
      ),
    ).toBe(198);
    const row = summarise('heap-large', {
      ours: [30, 40, 50],
      baseline: [20, 20, 20],
      unit: 'MB',
      extra: { floor: 3 },
    });
    expect(row).toMatchObject({
      case: 'heap-large-MB',
      median_ms: 40,
      baseline_ms: 20,
      ratio: 2,
      p95_ms: 50,
      floor: 3,
    });
    expect(formatTable([row])).toMatch(/heap-large-MB\s+40\.0\s+20\.0\s+2\.00×\s+50\.0/);
  });
});

describe('the benchmark runner in smoke mode', () => {
  it('runs a good case file, and names a broken one instead of crashing', async () => {
    const directory = await casesDirectoryWith({
      'good.ts': `export const cases = [{ name: 'tiny', measure: async (mode) => ({ ours: [mode.runs * 2], baseline: [1] }) }];`,
      'broken.ts': `export const cases = [{ name: 'Not Kebab', measure: 42 }];`,
      'throws.ts': `export const cases = [{ name: 'fails', measure: async () => { throw new Error('no disk'); } }];`,
    });
    const { results, failures } = await runBenchmarks({ smoke: true, casesDirectory: directory });
    expect(results).toEqual([
      expect.objectContaining({ case: 'tiny', median_ms: 2, baseline_ms: 1, ratio: 2, runs: 1 }),
    ]);
    expect(failures).toEqual([
      { name: 'broken.ts', error: expect.stringMatching(/kebab-case.*measure must be a function/) },
      { name: 'fails', error: 'no disk' },
    ]);
  });

  it('runs the real repository bulk-write cases end to end, in clear and encrypted, in Node and Chromium', async () => {
    const { results, failures } = await runBenchmarks({ smoke: true, caseFilter: 'bulk-write' });
    expect(failures).toEqual([]);
    expect(results.map((row) => row.case).sort()).toEqual([
      'bulk-write-10k-actions',
      'bulk-write-10k-actions-encrypted',
      'bulk-write-10k-actions-encrypted-chromium',
    ]);
    for (const row of results) {
      for (const field of ['median_ms', 'baseline_ms', 'ratio', 'p95_ms'] as const) {
        expect(Number.isFinite(row[field]) && row[field] > 0).toBe(true);
      }
    }
  });
});
