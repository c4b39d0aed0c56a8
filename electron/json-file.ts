// Small JSON files in the app's userData folder (window state, last save folder, secrets):
// read back through a zod schema, written atomically so a crash never leaves half a file.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';

/** The parsed content, or null when the file does not exist yet; throws when it is damaged. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${basename(file)} is damaged (not valid JSON)`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${basename(file)} is damaged (unexpected content)`);
  return parsed.data;
}

/**
 * Synchronous on purpose: these files are a few hundred bytes, and the window state is written
 * in the window's close event, after which the app may quit before any pending async write runs.
 */
export function writeJsonFile(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temporary, JSON.stringify(value, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}
