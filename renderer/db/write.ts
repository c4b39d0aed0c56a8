// The one way a record is validated and stamped before it reaches a table.
import type { z } from 'zod';

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** Parses `record` with `schema`; throws a ValidationError that names each bad field. */
export function validated<S extends z.ZodType>(schema: S, record: unknown): z.output<S> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new ValidationError(issues.map((issue) => `${issue.path || 'record'}: ${issue.message}`).join('; '), issues);
}

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
