// The one way a record is validated and stamped before it reaches a table.
import type { z } from 'zod';
import { plainIssueMessage } from '../../shared/plain-messages';

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * Parses `record` with `schema`; throws a ValidationError whose message is in plain words (a coach
 * reads it) and whose issues carry each bad field's path, for the form to put the message beside it.
 */
export function validated<S extends z.ZodType>(schema: S, record: unknown): z.output<S> {
  const result = schema.safeParse(record, { error: plainIssueMessage });
  if (result.success) return result.data;
  // One message per field: a bad date also fails the calendar check, and saying both reads as noise.
  const byPath = new Map<string, string>();
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    if (!byPath.has(path)) byPath.set(path, issue.message);
  }
  const issues = [...byPath].map(([path, message]) => ({ path, message }));
  throw new ValidationError([...new Set(byPath.values())].join(' '), issues);
}

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
