// One date field everywhere: the natural-date one, which reads "fri", "next week" or 2026-12-04 and
// says what it understood. A native date input (its format the system's, its errors the browser's)
// crept back once, into "Plan a session"; this rule keeps it out.
import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const dateInputMessages = (code: string) => lintMessages('no-restricted-syntax', 'renderer/features/x.tsx', code);

describe('the date-input lint rule', () => {
  it('refuses the browser date picker', async () => {
    const code = 'export const X = (v: string) => <input type="date" value={v} readOnly />;\n';
    expect(await dateInputMessages(code)).toEqual([expect.stringContaining('FormDateField')]);
  });

  it('accepts other inputs', async () => {
    const code =
      'export const X = (v: string) => [<input type="time" value={v} readOnly />, <input value={v} readOnly />];\n';
    expect(await dateInputMessages(code)).toEqual([]);
  });
});
