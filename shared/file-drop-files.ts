// The file drop's file names: made from an ISO week, never from anything a coach or a page typed.
// The main process names what it writes into the chosen folder with these; the web adapter names
// its downloads with them.
import { format } from 'date-fns';
import { z } from 'zod';

/** An ISO week, as `2026-W48`: the only part of a name the renderer chooses. */
export const fileDropWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'A week is written like 2026-W48');

/** Most bytes one file of a drop may hold: a batch of 5,000 changes is a few megabytes. */
export const MAX_FILE_DROP_BYTES = 50 * 1024 * 1024;

const dropNamePattern = /^followthrough-actions-\d{4}-W\d{2}(-\d{1,3})?\.(csv|jsonl)$/;

/** The ISO week `at` falls in, for the names of that run's files. */
export function fileDropWeek(at: number): string {
  return format(at, "RRRR-'W'II");
}

/**
 * The names of a run's two files; `copy` 2 and up when a file of an earlier run that week already
 * has the plain name, so no run replaces what another wrote.
 */
export function fileDropNames(week: string, copy = 1): { csv: string; jsonl: string } {
  const stem = `followthrough-actions-${fileDropWeekSchema.parse(week)}${copy > 1 ? `-${copy}` : ''}`;
  return { csv: `${stem}.csv`, jsonl: `${stem}.jsonl` };
}

/** True only for a name fileDropNames could have made: a plain name, no folder, no way out of one. */
export function isFileDropName(name: string): boolean {
  return dropNamePattern.test(name);
}
