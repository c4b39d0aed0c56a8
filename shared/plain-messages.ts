// What a refused value means, in the coach's words. zod's own wording ("Too big: expected string to
// have <=2000 characters") is for programmers; schemas that say something better keep their own
// message, and this map words every issue they leave to zod.
import type { z } from 'zod';

const count = (value: number | bigint) => Number(value).toLocaleString('en-GB');

function tooBig(origin: string, maximum: number | bigint, input: unknown): string {
  if (origin === 'string') {
    const length = typeof input === 'string' ? `This is ${count(input.length)} characters long; k` : 'K';
    return `${length}eep it to ${count(maximum)} characters or fewer.`;
  }
  if (origin === 'array' || origin === 'set') return `Keep it to ${count(maximum)} entries or fewer.`;
  return `Use a number no bigger than ${count(maximum)}.`;
}

function tooSmall(origin: string, minimum: number | bigint): string {
  if (origin === 'string') return Number(minimum) <= 1 ? 'Fill this in.' : `Use at least ${count(minimum)} characters.`;
  if (origin === 'array' || origin === 'set') return `Add at least ${count(minimum)}.`;
  return `Use a number of at least ${count(minimum)}.`;
}

/** A zod error map: pass it as `{ error: plainIssueMessage }` to a parse whose messages a coach reads. */
export const plainIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.input);
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum);
    case 'invalid_type':
      if (issue.input === undefined) return 'Fill this in.';
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'Use a number.'
        : 'This value cannot be used here.';
    case 'invalid_value':
      return 'Choose one of the options offered.';
    case 'not_multiple_of':
      return 'Use a whole number.';
    case 'invalid_format':
      return issue.format === 'uuid'
        ? 'This points to a record that is not valid.'
        : 'This is not in a form the app can read.';
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'unrecognized_keys':
      return 'This value cannot be used here.';
  }
};
