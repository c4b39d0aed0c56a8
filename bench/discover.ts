// Finds every bench/cases/*.ts file and checks that it keeps the contract in bench/types.ts, so a
// broken case file is reported by name instead of crashing the run.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { BenchCase, BenchCaseFile } from './types';

const casesDirectory = join(import.meta.dirname, 'cases');

const isFunction = (value: unknown) => typeof value === 'function';
const caseFileSchema = z.object({
  cases: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use a kebab-case case name'),
        measure: z.custom<BenchCase['measure']>(isFunction, 'measure must be a function'),
      }),
    )
    .min(1, 'export at least one case'),
  teardown: z.custom<() => Promise<void>>(isFunction, 'teardown must be a function').optional(),
});

type DiscoveredFile = { file: string } & ({ ok: true; module: BenchCaseFile } | { ok: false; error: string });

export async function discoverCaseFiles(directory = casesDirectory): Promise<DiscoveredFile[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.ts')).sort();
  return Promise.all(
    files.map(async (file): Promise<DiscoveredFile> => {
      try {
        const parsed = caseFileSchema.safeParse(await import(pathToFileURL(join(directory, file)).href));
        if (parsed.success) return { file, ok: true, module: parsed.data };
        return { file, ok: false, error: parsed.error.issues.map((issue) => issue.message).join('; ') };
      } catch (error) {
        return { file, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

const samplesSchema = z.object({
  ours: z.array(z.number().nonnegative()).min(1, 'no samples for our side'),
  baseline: z.array(z.number().nonnegative()).min(1, 'no samples for the baseline'),
  unit: z.string().min(1).optional(),
  notes: z.string().optional(),
  extra: z.record(z.string(), z.number()).optional(),
});

/** The samples a case returned, or an error naming what is wrong with them. */
export function checkedSamples(value: unknown) {
  return samplesSchema.safeParse(value);
}
