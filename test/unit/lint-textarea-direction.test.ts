// A textarea with dir="auto" makes Chromium read its whole value again on every key: about 10 ms
// a key once a transcript is pasted into it. Fields set their direction with textDirection.
import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-messages';

const messages = (code: string) => lintMessages('no-restricted-syntax', 'renderer/features/x.tsx', code);

describe('the textarea-direction lint rule', () => {
  it('refuses dir="auto" on a textarea', async () => {
    expect(await messages('export const X = () => <textarea dir="auto" />;\n')).toEqual([
      expect.stringContaining('textDirection'),
    ]);
  });

  it('accepts a direction set from the text, and dir="auto" on text that is only shown', async () => {
    const code = 'export const X = (d: "ltr" | "rtl") => [<textarea dir={d} />, <p dir="auto">x</p>];\n';
    expect(await messages(code)).toEqual([]);
  });
});
